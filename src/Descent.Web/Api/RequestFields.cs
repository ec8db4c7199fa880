using Descent.Lab.Response;
using Descent.Specs;

namespace Descent.Web.Api;

/// <summary>
/// Reads the fields requests share, with the CLI's messages for bad values and the API's limits on top.
/// </summary>
public static class RequestFields
{
    /// <summary>The convention named by <paramref name="text"/>; PyTorch's when null, as on the command line.</summary>
    /// <exception cref="ApiInputException"><c>convention</c>: an unknown name (the CLI's message).</exception>
    public static Convention Convention(string? text)
    {
        if (text is null) return Descent.Convention.PyTorch;
        try { return OptimizerCatalog.ParseConvention(text); }
        catch (SpecException e) { throw new ApiInputException("convention", e.Message, null, e); }
    }

    /// <summary>The interpolation named by <paramref name="text"/>; linear when null.</summary>
    /// <exception cref="Lab.LabInputException"><c>interpolation</c>: an unknown name.</exception>
    public static Interpolation Interpolation(string? text) =>
        text is null ? Lab.Response.Interpolation.Linear : Interpolations.Parse(text);

    /// <summary>
    /// Checks the specs against <paramref name="limits"/> and, one by one, against the catalog, so that the error
    /// says which one is wrong (the message is the CLI's). An empty list is left to the experiment, which has its
    /// own message for it.
    /// </summary>
    /// <exception cref="ApiInputException"><c>optimizer</c>: too many, or a bad spec with its index.</exception>
    public static IReadOnlyList<string> Optimizers(IReadOnlyList<string>? specs, Convention convention, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        specs ??= [];
        if (specs.Count > limits.MaxOptimizers)
            throw new ApiInputException("optimizer", $"At most {limits.MaxOptimizers} optimizers at once on the page; got {specs.Count}.");
        for (int i = 0; i < specs.Count; i++)
        {
            if (specs[i] is null) throw new ApiInputException("optimizer", "An optimizer spec is null; write e.g. adam(lr=0.25).", i);
            // One at a time through the Lab's own resolver, so that the error can say which spec it is about.
            try { Lab.LabOptimizers.Resolve([specs[i]], convention); }
            catch (Lab.LabInputException e) { throw new ApiInputException("optimizer", e.Message, i, e); }
        }
        return specs;
    }

    /// <summary>
    /// Checks <paramref name="steps"/> against the page's limit; below 1 too when <paramref name="checkLower"/> (else the
    /// experiment's own message, which may say more, such as the signal's length, is left to answer).
    /// </summary>
    /// <exception cref="ApiInputException"><c>steps</c>: more than <see cref="ApiLimits.MaxSteps"/>.</exception>
    public static int? Steps(int? steps, ApiLimits limits, bool checkLower = false)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (steps > limits.MaxSteps || (checkLower && steps < 1))
            throw new ApiInputException("steps", $"Steps must be between 1 and {limits.MaxSteps} on the page (the descent command takes more), got {steps}.");
        return steps;
    }

    /// <summary>Checks the length of a function text: a formula may not be longer than <see cref="ApiLimits.MaxFormulaLength"/>.</summary>
    /// <exception cref="ApiInputException"><c>function</c>: a missing or too long text.</exception>
    public static string Function(string? text, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (text is not null && text.Length > limits.MaxFormulaLength)
            throw new ApiInputException("function", $"The formula has {text.Length} characters; the page takes at most {limits.MaxFormulaLength}.");
        return text ?? "";
    }
}
