using Descent.Lab.Response;

namespace Descent.Lab.Recipes;

/// <summary>
/// The lecture's gradient-response figures: 8 methods × 6 signals, each figure one signal with the
/// method at 3 parameter values, under the <c>lecture</c> convention and the lecture's interpolation
/// (48 figures, 144 curves). Method to spec per shared/reference/README.md.
/// </summary>
public static class LectureRecipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "lecture";

    private sealed record Method(string Slug, string LectureLabel, string Title, string Parameter, string SpecFormat, string[] Values, string Caption);

    private static readonly string[] Gammas = ["0.25", "0.9", "0.975"];

    // {0} is the parameter value, written as the lecture writes it.
    private static readonly Method[] Methods =
    [
        new("momentum", "GRAD_Simple_Momentum", "Momentum", "momentum", "momentum(lr=0.25,momentum={0})", Gammas,
            "Momentum integrates the signal: each update keeps γ of the previous one, so a larger γ amplifies a steady gradient (up to 1/(1−γ) times) and keeps moving long after the gradient is gone."),
        new("nesterov", "GRAD_Nesterov", "Nesterov", "momentum", "nesterov(lr=0.25,momentum={0})", Gammas,
            "Nesterov reads the gradient where momentum is about to carry it; where the signal changes, the look-ahead sees the change first, so the response turns earlier than plain momentum's."),
        new("smoothed-nesterov", "GRAD_Smoothed_Nesterov", "Smoothed Nesterov", "momentum", "smoothed-nesterov(lr=0.25,momentum={0},points=4)", Gammas,
            "Averaging the gradient over four points between here and the look-ahead softens Nesterov's early reaction: the curves sit between momentum's and Nesterov's."),
        new("adagrad", "GRAD_Adagrad", "Adagrad", "eps", "adagrad(lr=2.5,eps={0})", ["1e-7", "0.1", "10"],
            "Adagrad divides by the root of the sum of all past squared gradients, so its steps only ever shrink; eps sets how large the very first steps may be."),
        new("rmsprop", "GRAD_RMSProp", "RMSProp", "rho", "rmsprop(lr=0.25,rho={0},eps=1e-5)", Gammas,
            "RMSProp divides by a running RMS of the gradient, so a steady signal gives steps near lr whatever its scale, and a gradient after a quiet stretch gives a large jump."),
        new("adadelta-zero-start", "GRAD_AdadeltaZeroStart", "Adadelta, zero start", "rho", "adadelta(lr=1,rho={0},eps=0.001,initial_delta=0)", Gammas,
            "With a zero start Adadelta's numerator, the running size of past updates, must grow from eps: the first steps are tiny whatever the gradient."),
        new("adadelta-big-start", "GRAD_AdadeltaBigStart", "Adadelta, big start", "rho", "adadelta(lr=1,rho={0},eps=0.001,initial_delta=50)", Gammas,
            "With a big start (50) Adadelta's first steps are huge and shrink as the running average of updates forgets its start; rho sets how slowly."),
        new("adam", "GRAD_Adam", "Adam", "beta1", "adam(lr=0.25,beta1={0},beta2=0.999,eps=1e-7)", Gammas,
            "Adam is momentum on a normalized gradient: beta1 smooths and delays the response, the second moment divides out the gradient's scale, so steps stay near lr."),
    ];

    // The lecture's signal labels, in its order.
    private static readonly (string Name, string Label)[] Signals =
    [
        ("spikes", "spikes"), ("rectangles", "rectangles"), ("noisy-sin", "noisy sin"),
        ("very-noisy-sin", "very noisy sin"), ("uneven-sawtooth", "uneven sawtooth"), ("saturation", "saturation"),
    ];

    /// <summary>The recipe: figures ordered by signal, then method (<c>spikes-momentum</c> … <c>saturation-adam</c>).</summary>
    public static ResponseRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "the lecture's 48 gradient-response figures: 8 update rules x 3 parameter values on 6 signals",
        Figures = [.. Signals.SelectMany(s => Methods.Select(m => Figure(s.Name, s.Label, m)))],
    };

    private static ResponseFigure Figure(string signal, string signalLabel, Method method) => new(
        Name: $"{signal}-{method.Slug}",
        Title: $"{method.Title} on {signalLabel}, {method.Parameter} = {string.Join(", ", method.Values)}",
        Config: new ResponseConfig
        {
            Signal = signal,
            Optimizers = [.. method.Values.Select(v => string.Format(System.Globalization.CultureInfo.InvariantCulture, method.SpecFormat, v))],
            Convention = Convention.Lecture,
            Interpolation = Interpolation.Lecture,
        },
        Source: $"the lecture's {method.LectureLabel}_{signalLabel}",
        Caption: method.Caption);
}
