using System.Text.RegularExpressions;
using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;

namespace Descent.Cli.Tests;

public sealed partial class ArgumentCheckTests
{
    private static string OneLine(DescentProcess.Outcome run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Err);
        return Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--step", "10" }, "--step", "trajectory", "--steps")]
    [InlineData(new[] { "train", "--dataset", "digits", "--model", "logreg", "--optimizer", "adam", "--seeds", "5" }, "--seeds", "train", "--seed")]
    [InlineData(new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--singal", "x" }, "--singal", "response", "--signal")]
    public void UnknownOption_CloseToAValidOne_RefusedNamingIt(string[] args, string given, string command, string meant)
    {
        string line = OneLine(DescentProcess.Run(args));

        Assert.StartsWith($"descent: {given}: unknown option of 'descent {command}'; did you mean {meant}? valid: ", line);
    }

    [Fact]
    public void UnknownOption_FarFromEveryName_RefusedListingTheValidOnes()
    {
        string line = OneLine(DescentProcess.Run("bench", "--foo", "1"));

        Assert.Equal("descent: --foo: unknown option of 'descent bench'; valid: --convention, --format, --optimizer, --params, --precision, --rules, --threads.", line);
    }

    [Theory]
    [InlineData(new[] { "trajectory", "foo", "--function", "quadratic" }, "foo")]
    [InlineData(new[] { "list", "optimizers", "extra" }, "extra")]
    [InlineData(new[] { "report", "gallery" }, "gallery")]
    public void UnknownPositionalWord_Refused(string[] args, string word)
    {
        string line = OneLine(DescentProcess.Run(args));

        Assert.StartsWith($"descent: {word}: unexpected word; 'descent {args[0]}' takes ", line);
    }

    [Fact]
    public void Steps_1e12_NamesTheOptionAndItsRangeNotDotNetTypes()
    {
        string line = OneLine(DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", "adam", "--steps", "1e12"));

        Assert.Equal("descent: --steps: '1e12' is not a whole number; valid: whole numbers 1 to 100000.", line);
    }

    [Theory]
    [InlineData(new[] { "serve", "--port", "70000" }, "descent: --port: must be between 1 and 65535, got 70000.")]
    [InlineData(new[] { "trajectory", "--fps", "2.5" }, "descent: --fps: '2.5' is not a whole number; valid: whole numbers 1 to 60.")]
    [InlineData(new[] { "train", "--epochs", "99999999999" }, "descent: --epochs: must be at least 1, got 99999999999.")]
    [InlineData(new[] { "response", "--steps", "x" }, "descent: --steps: 'x' is not a whole number; valid: whole numbers 1 to the signal's length.")]
    [InlineData(new[] { "trajectory", "--steps" }, "descent: --steps: needs a value; valid: whole numbers 1 to 100000.")]
    [InlineData(new[] { "trajectory", "--steps", "--function", "quadratic" }, "descent: --steps: needs a value before --function; valid: whole numbers 1 to 100000.")]
    [InlineData(new[] { "response", "--steps", "99999999999" }, "descent: --steps: 99999999999 is out of range; valid: whole numbers 1 to the signal's length.")]
    [InlineData(new[] { "trajectory", "--frame-every", "0" }, "descent: --frame-every: must be at least 1, got 0.")]
    [InlineData(new[] { "trajectory", "--steps=", "5" }, "descent: --steps: needs a value after '='; valid: whole numbers 1 to 100000.")]
    [InlineData(new[] { "trajectory", "--steps", "5", "--steps", "6" }, "descent: --steps: given twice; give it once (only --optimizer may repeat).")]
    public void IntegerOption_BadValue_NamesTheOptionAndTheRange(string[] args, string expected)
    {
        Assert.Equal(expected, OneLine(DescentProcess.Run(args)));
    }

    [Fact]
    public void Function_LeadingMinus_TipsTheEqualsForm()
    {
        string line = OneLine(DescentProcess.Run("trajectory", "--function", "-x^2", "--optimizer", "adam"));

        Assert.StartsWith("descent: --function: ", line);
        Assert.EndsWith("--function=-x^2", line);
        Assert.DoesNotContain("Short option", line);
    }

    [Fact]
    public void Function_LeadingMinusWithEquals_Runs()
    {
        var run = DescentProcess.Run("trajectory", "--function=-x^2-y^2", "--optimizer", "sgd(lr=0.1)", "--start", "1,1", "--steps", "1", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Err);
        // One step of gradient descent on −x²−y² from (1,1): p − 0.1·(−2, −2) = (1.2, 1.2).
        Assert.Contains("1.2", run.Out);
    }

    [Fact]
    public void NegativeNumberValue_IsAValueNotAnOption()
    {
        var run = DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", "adam", "--start", "-1,-2", "--steps", "1");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.StartsWith("optimizer,step,x,y,loss\nadam,0,-1,-2,", run.Out);
    }

    public static TheoryData<string> CommandNames => [.. CommandCatalog.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_ListsExactlyTheOptionsTheCheckAccepts(string command)
    {
        var syntax = CommandCatalog.All.Single(c => c.Name == command);
        var run = DescentProcess.Run(command, "--help");

        Assert.Equal(0, run.ExitCode);
        var listed = OptionInHelp().Matches(run.Out).Select(m => m.Groups[1].Value).Where(n => n != "--help").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(syntax.Options.Select(o => o.Name).Order(StringComparer.Ordinal), listed);
        foreach (string option in listed)
        {
            // Each listed option passes the check with a valid value (or none, for a switch).
            var o = syntax.Find(option)!;
            string[] args = o.IsFlag ? [command, option] : [command, option, o.IsInteger ? o.Bounds.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "x"];
            ArgumentCheck.Check(args, CommandCatalog.All);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void UnknownOption_EveryCommand_RefusedWithExitCode2(string command)
    {
        string line = OneLine(DescentProcess.Run(command, "--no-such-option", "1"));

        Assert.StartsWith($"descent: --no-such-option: unknown option of 'descent {command}'", line);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void NearMisses_EveryOptionOfEveryCommand_RefusedSuggestingIt(string command)
    {
        var syntax = CommandCatalog.All.Single(c => c.Name == command);
        foreach (var option in syntax.Options)
        {
            // Drop the last letter, double it, or change it: one edit away from the real name.
            foreach (string typo in new[] { option.Name[..^1], option.Name + option.Name[^1], option.Name[..^1] + (option.Name[^1] == 'q' ? 'z' : 'q') })
            {
                if (syntax.Find(typo) is not null) continue;
                var e = Assert.Throws<UsageException>(() => ArgumentCheck.Check([command, typo, "1"], CommandCatalog.All));
                Assert.Equal(typo, e.Argument);
                string suggested = e.Message.Split("? valid:")[0];
                Assert.Contains(option.Name, suggested[(suggested.IndexOf("did you mean ", StringComparison.Ordinal) + 13)..].Split(" or "));
            }
        }
    }

    [Theory]
    [InlineData("seeds", "seed", 1)]
    [InlineData("step", "steps", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("fromat", "format", 1)]
    [InlineData("foo", "fps", 2)]
    [InlineData("", "abc", 3)]
    public void Distance_HandWorkedPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, ArgumentCheck.Distance(a, b));
        Assert.Equal(expected, ArgumentCheck.Distance(b, a));
    }

    [Fact]
    public void Close_NothingNear_IsEmpty()
    {
        Assert.Empty(ArgumentCheck.Close("--foo", ["--convention", "--format", "--params"]));
        // "opt" is one substitution from "out" and a prefix of "optimizer": the nearer first.
        Assert.Equal(["--out", "--optimizer"], ArgumentCheck.Close("--opt", ["--optimizer", "--out", "--png"]));
    }

    // A help line lists an option as "    --name <VALUE>" or "-h, --help".
    [GeneratedRegex(@"(?<![\w-])(--[a-z][a-z0-9-]*)")]
    private static partial Regex OptionInHelp();
}
