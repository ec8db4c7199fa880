using System.Runtime.CompilerServices;
using Descent.Specs;

namespace Descent.Lab.Tests.Registry;

/// <summary>
/// Registers <c>sign-sgd</c> once, before any test of this assembly runs, through the public call a library
/// user makes; from then on the lab runs it like a built-in.
/// </summary>
internal static class UserRuleRegistration
{
    [ModuleInitializer]
    internal static void Register() =>
        OptimizerCatalog.Register(new OptimizerEntry("sign-sgd", "signSGD (Bernstein et al. 2018), registered by a test assembly",
            c => new SignSgdOptions { Convention = Convention.PyTorch, LearningRate = 0.01 }, [Convention.PyTorch], [])
        {
            // Its own step size on one classic landscape; the other classics show it at its defaults.
            Showcase = new Dictionary<string, string> { ["rosenbrock"] = "sign-sgd(lr=0.005)" },
        });
}
