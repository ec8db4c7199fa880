using Descent.Rules;
using Descent.Specs;

namespace Descent.Tests.Rules;

/// <summary>Every way typed statements can be wrong gets one message that names the problem and points at its character.</summary>
public class RuleErrorTests
{
    private static RuleException Fails(string statements, params string[] declared) =>
        Assert.Throws<RuleException>(() => RuleProgram.Parse(statements, declared));

    [Fact]
    public void Parse_UnknownName_PointsAtItAndSuggestsTheClosest()
    {
        var e = Fails("m = b1*m + (1-b1)*gg; p = p - lr*m", "b1");
        Assert.Equal(18, e.Position);
        Assert.Contains("Unknown name 'gg'", e.Reason);
        Assert.Contains("Did you mean 'g'?", e.Reason);
        Assert.Contains("b1", e.Reason);
    }

    [Theory]
    [InlineData("g = 2*g; p = p - lr*g", 0, "'g' is the gradient")]
    [InlineData("m = g; t = t + 1; p = p - lr*m", 7, "'t' is the step count")]
    [InlineData("lr = 0.1; p = p - lr*g", 0, "'lr' is a hyperparameter")]
    [InlineData("sqrt = 1; p = p - lr*g", 0, "'sqrt' is a function")]
    public void Parse_AssigningAReadOnlyName_IsRefusedAtTheStatement(string statements, int position, string reason)
    {
        var e = Fails(statements);
        Assert.Equal(position, e.Position);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void Parse_NoAssignmentToP_SaysTheLastStatementMustGiveIt()
    {
        var e = Fails("m = 0.9*m + g");
        Assert.Equal(13, e.Position);
        Assert.Contains("No statement assigns p", e.Reason);
    }

    [Fact]
    public void Parse_PNotLast_PointsAtIt()
    {
        var e = Fails("p = p - lr*m; m = 0.9*m + g");
        Assert.Equal(0, e.Position);
        Assert.Contains("must be the last statement", e.Reason);
    }

    [Fact]
    public void Parse_PTwice_PointsAtTheSecond()
    {
        var e = Fails("p = p - lr*g; p = p - lr*g");
        Assert.Equal(14, e.Position);
        Assert.Contains("assigned twice", e.Reason);
    }

    [Fact]
    public void Parse_GradInsideGrad_PointsAtTheInnerGrad()
    {
        var e = Fails("v = mu*v + lr*grad(p - grad(p)); p = p - v", "mu");
        Assert.Equal(23, e.Position);
        Assert.Contains("cannot be nested", e.Reason);
    }

    [Theory]
    [InlineData("p = p - lr*g $", 13, "Unexpected character '$'")]
    [InlineData("p = p - lr*", 11, "ends where")]
    [InlineData("p = p - lr*(g", 13, "Missing ')'")]
    [InlineData("m = 2m; p = p - m", 5, "is an operator or a ';' missing")]
    [InlineData("m = g p = p - m", 6, "is an operator or a ';' missing")]
    [InlineData("p = p - lr*g = 3", 13, "';' missing")]
    [InlineData("p = min(p)", 9, "'min' takes 2 arguments")]
    [InlineData("p = if(p, 1, 2)", 8, "comparison")]
    [InlineData("p = p == g", 6, "'=='")]
    [InlineData("p - lr*g", 2, "Expected '='")]
    [InlineData("3 = p", 0, "starts with the name")]
    [InlineData("p = m(p)", 5, "not a function")]
    [InlineData("", 0, "no statements")]
    public void Parse_Malformed_PointsAtTheCharacter(string statements, int position, string reason)
    {
        var e = Fails(statements);
        Assert.Equal(position, e.Position);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void Display_ShowsTheStatementsWithACaretUnderTheError()
    {
        var e = Fails("p = p - lr*q");
        Assert.Equal("p = p - lr*q\n           ^\n" + e.Reason, e.Display);
    }

    [Fact]
    public void Parse_MoreLookAheadsThanTheLimit_IsRefused()
    {
        string sum = string.Join(" + ", Enumerable.Repeat("grad(p)", RuleSyntax.MaxLookAheads + 1));
        var e = Fails($"p = p - lr*({sum})");
        Assert.Contains($"at most {RuleSyntax.MaxLookAheads}", e.Reason);
    }

    [Fact]
    public void Resolve_DeclaringAReadOnlyNameAfterTheBar_IsASpecError()
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve("rule(p = p - lr*g | g=1)", Convention.PyTorch));
        Assert.Contains("'g' is read-only", e.Message);
    }

    [Fact]
    public void Resolve_HyperparameterAsNonNumber_NamesIt()
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve("rule(p = p - lr*b*g | b=fast)", Convention.PyTorch));
        Assert.Contains("b=fast is not a number", e.Message);
    }
}
