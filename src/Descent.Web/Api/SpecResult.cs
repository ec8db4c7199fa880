namespace Descent.Web.Api;

/// <summary>The answer of <c>POST /api/spec</c>: a valid spec, read by the library's own parser.</summary>
public sealed record SpecResult
{
    /// <summary>
    /// The canonical spec: the rule's name and, in the registry's order, only the keys whose value is not the
    /// convention's default, printed canonically. Reading it back gives the same options and the same canonical spec.
    /// </summary>
    public required string Spec { get; init; }

    /// <summary>The spec with every key of the rule, what a run with it reports as <c>resolved</c>.</summary>
    public required string Resolved { get; init; }

    /// <summary>The rule's name.</summary>
    public required string Name { get; init; }

    /// <summary>A typed rule's statements (<c>rule(&lt;statements&gt; | …)</c>), or null for a registered rule.</summary>
    public string? Statements { get; init; }

    /// <summary>The convention the spec was read under.</summary>
    public required string Convention { get; init; }

    /// <summary>The convention whose formula runs (PyTorch's for a rule the asked one does not define).</summary>
    public required string Effective { get; init; }

    /// <summary>Every key valid under the convention, in the registry's order, with default and value.</summary>
    public required IReadOnlyList<SpecValue> Keys { get; init; }

    /// <summary>The schedule, or null when the spec has none.</summary>
    public SpecSchedule? Schedule { get; init; }
}
