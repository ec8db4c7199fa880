using Descent.Lab.Response;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Recipes;

/// <summary>
/// The lecture's own suggestions for "further experiments", typed as rules: Adagrad without the root and with
/// absolute values beside the built-in family options, the averaged look-ahead (smoothed Nesterov) beside the
/// built-in, and its explicit hint, Adam with Nesterov's look-ahead, against Adam and NAdam (Dozat's
/// approximation of it). Response figures (<see cref="Recipe"/>) and paths on hills-and-canyon (<see cref="Paths"/>).
/// </summary>
public static class LectureVariantsRecipe
{
    /// <summary>The response recipe's name.</summary>
    public const string Name = "lecture-variants";

    /// <summary>The trajectory recipe's name.</summary>
    public const string PathsName = "lecture-variants-paths";

    /// <summary>Adam whose gradient is read where its own momentum step is about to carry it: a true <c>grad(p - ...)</c>.</summary>
    public const string LookAheadAdam =
        "rule(d = grad(p - lr*b1*(m/(1-b1^t))/(sqrt(v/(1-b2^t)) + eps)); m = b1*m + (1-b1)*d; v = b2*v + (1-b2)*d*d; " +
        "p = p - lr*(m/(1-b1^t))/(sqrt(v/(1-b2^t)) + eps) | lr=0.25, b1=0.9, b2=0.999, eps=1e-8)";

    /// <summary>The three rules the look-ahead figures race, in this order.</summary>
    public static IReadOnlyList<string> AdamFamily { get; } = ["adam(lr=0.25)", "nadam(lr=0.25)", LookAheadAdam];

    private static ResponseConfig Lecture(string signal, params string[] optimizers) => new()
    {
        Signal = signal,
        Optimizers = optimizers,
        Convention = Convention.Lecture,
        Interpolation = Interpolation.Lecture,
    };

    private static ResponseConfig PyTorch(string signal) => new()
    {
        Signal = signal,
        Optimizers = AdamFamily,
        Convention = Convention.PyTorch,
        Interpolation = Interpolation.Lecture,
    };

    /// <summary>The response figures: each typed variant beside the built-in it reproduces, then the look-ahead Adam.</summary>
    public static ResponseRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "the lecture's suggested variants as typed rules: Adagrad without the root or with |g|, smoothed Nesterov, Adam with a true look-ahead",
        Figures =
        [
            new("adagrad-no-root", "Adagrad without the root on rectangles: built-in power=1 and the typed rule",
                Lecture("rectangles", "adagrad(lr=2.5, eps=1, power=1)", "rule(G = G + g*g; p = p - lr/(G + eps)*g | lr=2.5, eps=1)"),
                Source: "the lecture's \"Adagrad without the root\"",
                Caption: "The typed rule G = G + g*g; p = p - lr/(G + eps)*g draws the built-in's curve to the last bit. Without the root the " +
                    "accumulated squares divide the step directly, so it dies like 1/t: a tenth of its first size by step 19."),
            new("adagrad-abs", "Adagrad accumulating |g| on noisy sin: built-in accumulate=abs and the typed rule",
                Lecture("noisy-sin", "adagrad(lr=2.5, eps=0.1, accumulate=abs)", "rule(G = G + abs(g); p = p - lr/sqrt(G + eps)*g | lr=2.5, eps=0.1)"),
                Source: "the lecture's Adagrad with absolute values",
                Caption: "Summing |g| instead of g² is one word in the typed rule, and it draws the built-in option's curve to the last bit."),
            new("smoothed-nesterov", "Smoothed Nesterov on noisy sin: the built-in and the rule averaging four look-ahead gradients",
                Lecture("noisy-sin", "smoothed-nesterov(lr=0.25, momentum=0.9, points=4)",
                    "rule(v = mu*v + lr*(grad(p - mu*v*1/4) + grad(p - mu*v*2/4) + grad(p - mu*v*3/4) + grad(p - mu*v))/4; p = p - v | lr=0.25, mu=0.9)"),
                Source: "the lecture's GRAD_Smoothed_Nesterov",
                Caption: "Four grad(...) calls at a quarter, a half, three quarters and all of the momentum step, averaged: the built-in's curve to the last bit."),
            new("adam-look-ahead-rectangles", "Adam, NAdam and Adam with a true look-ahead on rectangles",
                PyTorch("rectangles"), Source: "the lecture's hint: apply Nesterov's look-ahead to Adam",
                Caption: "The look-ahead reads the gradient where Adam's momentum is carrying it, so it sees each edge of the rectangles a step " +
                    "early: at step 20 it already steps 0.246 where Adam still steps 0.250. NAdam's approximation reacts harder, at the edge itself: " +
                    "at step 21 it steps back (-0.059) while Adam (0.194) and the look-ahead (0.189) are still carried forward."),
            new("adam-look-ahead-saturation", "Adam, NAdam and Adam with a true look-ahead on saturation",
                PyTorch("saturation"), Source: "the lecture's hint: apply Nesterov's look-ahead to Adam",
                Caption: "Where the saturating signal drops (step 41), the look-ahead Adam has begun to slow a step before (0.248 against Adam's 0.250 " +
                    "at step 40) and then follows Adam (0.226 against 0.228); NAdam cuts its step at once, to 0.102."),
        ],
    };

    /// <summary>The three Adams on hills-and-canyon, from the lecture's start, 125 steps.</summary>
    public static TrajectoryRecipe Paths { get; } = new()
    {
        Name = PathsName,
        Description = "Adam, NAdam and Adam with a true look-ahead (a typed rule) on hills-and-canyon",
        Figures =
        [
            new("adam-look-ahead-hills-and-canyon", "Hills and canyon: Adam, NAdam and Adam with a true look-ahead, lr 0.25",
                Caption: "From the same start at the same learning rate NAdam stops in the trap near (-2.03, -1.08) (loss 6.64). Adam and the " +
                    "look-ahead Adam both find the central basin, and the look-ahead ends three times closer to its minimum (0.0013 against 0.0042).",
                Config: new TrajectoryConfig { Function = "hills-and-canyon", Optimizers = AdamFamily, Convention = Convention.PyTorch, Steps = 125 },
                Source: "the lecture's hint: apply Nesterov's look-ahead to Adam"),
        ],
    };
}
