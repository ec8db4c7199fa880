using Descent.Lab.Response;

namespace Descent.Lab.Tests.Rules;

/// <summary>
/// The lecture's response figures redrawn by rules typed from the lecture's own formulas (not by the built-ins):
/// every one of its 144 curves, within 1e-9 of the lecture's numbers (Reference/lecture_response.json).
/// </summary>
public class TypedLectureResponseTests
{
    private const double Tolerance = 1e-9;

    // {0} is the lecture's parameter value.
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["GRAD_Simple_Momentum"] = "rule(v = mu*v + lr*g; p = p - v | lr=0.25, mu={0})",
        ["GRAD_Nesterov"] = "rule(v = mu*v + lr*grad(p - mu*v); p = p - v | lr=0.25, mu={0})",
        ["GRAD_Smoothed_Nesterov"] =
            "rule(v = mu*v + lr*(grad(p - mu*v*1/4) + grad(p - mu*v*2/4) + grad(p - mu*v*3/4) + grad(p - mu*v))/4; p = p - v | lr=0.25, mu={0})",
        ["GRAD_Adagrad"] = "rule(G = G + g*g; p = p - lr/sqrt(G + eps)*g | lr=2.5, eps={0})",
        ["GRAD_RMSProp"] = "rule(E = rho*E + (1-rho)*g*g; p = p - lr/sqrt(E + eps)*g | lr=0.25, rho={0}, eps=1e-5)",
        ["GRAD_AdadeltaZeroStart"] =
            "rule(E = rho*E + (1-rho)*g*g; d = sqrt(D + eps)/sqrt(E + eps)*g; D = rho*D + (1-rho)*d*d; p = p - lr*d | lr=1, rho={0}, eps=0.001)",
        ["GRAD_AdadeltaBigStart"] =
            "rule(E = rho*E + (1-rho)*g*g; d = sqrt(D + eps)/sqrt(E + eps)*g; D = rho*D + (1-rho)*d*d; p = p - lr*d | lr=1, rho={0}, eps=0.001, D=50)",
        ["GRAD_Adam"] = "rule(m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g*g; p = p - lr/sqrt(v/(1-b2^t) + eps) * (m/(1-b1^t)) | lr=0.25, b1={0}, b2=0.999, eps=1e-7)",
    };

    private static readonly Dictionary<string, string> SignalNames = new()
    {
        ["spikes"] = "spikes", ["rectangles"] = "rectangles", ["noisy sin"] = "noisy-sin",
        ["very noisy sin"] = "very-noisy-sin", ["uneven sawtooth"] = "uneven-sawtooth", ["saturation"] = "saturation",
    };

    public static TheoryData<string, string, string> ReferenceCurves()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (signal, method, param) in LectureReference.Curves()) data.Add(signal, method, param);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceCurves))]
    public void TypedRule_LectureFormula_ReproducesTheLecturesResponseWithin1e9(string signalLabel, string method, string param)
    {
        string spec = string.Format(System.Globalization.CultureInfo.InvariantCulture, Rules[method], param);
        var result = ResponseExperiment.Run(new ResponseConfig
        {
            Signal = SignalNames[signalLabel],
            Optimizers = [spec],
            Convention = Convention.Lecture,
            Interpolation = Interpolation.Lecture,
        });
        var expected = LectureReference.Get(signalLabel).Methods[method][param];
        var curve = result.Curves[0];
        Assert.Equal(expected.Length, curve.Updates.Count);
        for (int t = 0; t < expected.Length; t++)
            Assert.True(Math.Abs(curve.Updates[t] - expected[t]) <= Tolerance,
                $"{method} {param} on {signalLabel}, step {t + 1}: got {curve.Updates[t]:R}, lecture {expected[t]:R}");
    }
}
