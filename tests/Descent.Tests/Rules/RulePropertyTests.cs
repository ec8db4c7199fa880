using CsCheck;
using Descent.Rules;
using Descent.Specs;
using Descent.Testing;

namespace Descent.Tests.Rules;

/// <summary>
/// Property tests of the typed-rule language (docs/fuzzing.md): any text either compiles and steps, or is refused
/// with a <see cref="RuleException"/> or <see cref="SpecException"/> that points into it, in bounded time — never
/// another exception.
/// </summary>
public sealed class RulePropertyTests
{
    // A compile builds and JITs a loop: far under a second; the margin is for a loaded CI machine.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static readonly Gen<string> Atoms = Gen.OneOf("p", "g", "t", "lr", "m", "v", "b1", "eps", "2", "0.5", "1e-8", "pi", "x", "_a", "grad(p)",
        "grad(p - m)", "sqrt(v)", "abs(g)", "sign(m)", "min(m, g)", "clip(g, -1, 1)", "fma(g, b1, m)", "if(g > 0, m, v)", "exp(-g)", "log(1 + v)", "m^2", "g^t");

    private static readonly Gen<string> Expressions = Gen.Select(Atoms, Gen.OneOf(" + ", " - ", "*", "/", "^", " ", ", ", ""), Atoms, Gen.OneOf("", ")", "(", ";"),
        (a, op, b, tail) => a + op + b + tail);

    private static readonly Gen<string> Statements = Gen.Select(Gen.OneOf("m", "v", "p", "g", "lr", "sqrt", "3", ""), Gen.OneOf(" = ", "=", " == ", " "), Expressions,
        (target, eq, value) => target + eq + value).Array[1, 4].Select(a => string.Join("; ", a));

    private static readonly Gen<string> Rules = Gen.Select(Statements, Gen.OneOf("; p = p - lr*m", "", "; p = p - lr*g;", " | "),
        Gen.OneOf(" | lr=0.1, b1=0.9, eps=1e-8", " | b1=0.9", "", " | m=1", " | g=2", " | lr=x", " | b1=0.9, b1=0.8", " | clip_norm=1, b1=0.5, eps=0"),
        (s, last, values) => $"rule({s}{last}{values})");

    private static readonly Gen<string> Mutated = Gen.Select(Rules, Gen.Int[0, 200], Gen.Char["()=;|,+-*/^<> abgp0.1\u0000"], (text, at, c) =>
        at < text.Length ? text[..at] + c + text[(at + 1)..] : text);

    [Fact]
    public void TypedRule_AnyText_CompilesAndStepsOrIsRefusedWithAPlace()
    {
        Gen.OneOf(Rules, Mutated).Sample(text =>
        {
            var error = BoundedRun.Run(() =>
            {
                var options = OptimizerCatalog.Resolve(text, Convention.PyTorch);
                var optimizer = options.Create<double>(3);
                double[] p = [1, -2, 0.5];
                if (optimizer.NeedsOracle) optimizer.Step(p, (q, g) => { for (int i = 0; i < q.Length; i++) g[i] = 2 * q[i]; });
                else optimizer.Step(p, [2, -4, 1]);
            }, Budget, 64L * 1024 * 1024, text);
            switch (error)
            {
                case null: break;
                case RuleException r:
                    Assert.InRange(r.Position, 0, r.Source.Length);
                    Assert.DoesNotContain('\n', r.Reason);
                    break;
                case SpecException s:
                    Assert.DoesNotContain('\n', s.Message);
                    break;
                default:
                    Assert.Fail($"{text}: {error.GetType().Name}: {error.Message}");
                    break;
            }
        });
    }
}
