using CsCheck;
using Descent.Specs;
using Descent.Web.Api;

namespace Descent.Web.Tests;

/// <summary>
/// Any spec built from the registry's own keys either reads, and then its canonical form reads back to the same
/// options and is its own canonical form, or is refused with a one-line 400 on <c>spec</c>.
/// A long run: <c>CsCheck_Iter=100000 dotnet test … --filter SpecApiPropertyTests</c>.
/// </summary>
public sealed class SpecApiPropertyTests
{
    private static readonly ApiLimits Limits = new();

    private static long Iter(long ci) => Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? ci : -1;

    private static readonly string[] Conventions = ["pytorch", "lasagne", "lecture"];

    private static readonly string[] Schedules =
    [
        "none", "cosine(t_max=50)", "step(step_size=7, gamma=0.5)", "multistep(milestones=[3, 9])", "plateau",
        "onecycle(max_lr=0.5, total_steps=300)", "sequential(linear(total_iters=10), cosine(t_max=90), milestones=[10])",
        "cyclic(cycle_momentum=false)", "exponential(gamma=0.9)", "cosine(t_max=0)",
    ];

    // Values a key of this kind may take, and some it may not.
    private static string[] ValuesOf(string kind) => kind switch
    {
        "number" => ["0", "0.5", "1.0", "1e-3", "2", "-1", "0.999", "abc"],
        "integer" => ["1", "3", "0", "x"],
        "true|false" => ["true", "false", "1", "maybe"],
        "number or none" => ["none", "1.5", "0"],
        "schedule spec" => Schedules,
        _ => [.. kind.Split('|'), "neither"],
    };

    // A key given twice is refused by the parser: a case of the refusing side.
    private static readonly Gen<(string Spec, string Convention)> Specs =
        from entry in Gen.OneOf([.. OptimizerCatalog.Entries])
        from convention in Gen.OneOf(Conventions)
        from picks in Gen.Int[0, 10_000].Array[0, 4]
        select (picks.Length == 0 ? entry.Name : $"{entry.Name}({string.Join(", ", picks.Select(p =>
        {
            var key = entry.Keys[p % entry.Keys.Count];
            var values = ValuesOf(key.Kind);
            return $"{key.Name}={values[p / entry.Keys.Count % values.Length]}";
        }))})", convention);

    [Fact]
    public void Spec_FromTheRegistrysKeys_ReadsBackCanonicallyOrIsRefusedOnOneLine()
    {
        Specs.Sample(c =>
        {
            var request = new SpecRequest { Spec = c.Spec, Convention = c.Convention };
            SpecResult read;
            try
            {
                read = SpecEndpoint.Run(request, Limits, CancellationToken.None);
            }
            catch (ApiRequestException e)
            {
                Assert.Equal("spec", e.Error.Argument);
                Assert.DoesNotContain(e.Error.Message, char.IsControl);
                if (e.Error.Position is int at) Assert.InRange(at, 0, c.Spec.Length - 1);
                return;
            }
            var convention = OptimizerCatalog.ParseConvention(c.Convention);
            var again = SpecEndpoint.Run(request with { Spec = read.Spec }, Limits, CancellationToken.None);
            Assert.Equal(read.Spec, again.Spec);
            Assert.Equal(OptimizerCatalog.Describe(OptimizerCatalog.Resolve(c.Spec, convention)).ToString(),
                OptimizerCatalog.Describe(OptimizerCatalog.Resolve(read.Spec, convention)).ToString());
        }, iter: Iter(400));
    }
}
