using Descent.Optimizers;
using Descent.Rules;
using Descent.Schedules;
using Descent.Specs;
using Microsoft.AspNetCore.Http;

namespace Descent.Web.Api;

/// <summary>
/// <c>POST /api/spec</c>: reads an optimizer spec with the library's parser and registry (the page has no parser of its
/// own), and answers its canonical form with every key's default and value, or a 400 with the CLI's message and,
/// when one key is at fault, where that key starts in the text.
/// </summary>
public static class SpecEndpoint
{
    /// <summary>Reads <paramref name="request"/>'s spec.</summary>
    /// <exception cref="ApiRequestException">400 on <c>spec</c>: missing, or a spec the library refuses (its message, and <see cref="ApiError.Position"/>).</exception>
    /// <exception cref="ApiInputException"><c>convention</c>: an unknown name.</exception>
    public static SpecResult Run(SpecRequest request, ApiLimits limits, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var convention = RequestFields.Convention(request.Convention);
        string text = request.Spec ?? throw Fault("spec: missing; write an optimizer spec such as adam(lr=0.25).", null);
        var (entry, options) = Read(text, convention);
        var defaults = entry.Defaults(convention);
        // A typed rule's own names are declared by the spec itself: they are always written back with it.
        string? statements = options is TypedRuleOptions { RuleName: TypedRules.Unnamed } typed ? typed.Program.Source : null;
        var keys = entry.KeysIn(convention).Select(k =>
        {
            string value = k.Get(options), fallback = k.Get(defaults);
            bool own = statements is not null && (k.Name == SpecKey.LearningRate.Name || !SpecKey.Shared.Contains(k));
            return new SpecValue(k.Name, k.Kind, fallback, value, own || value != fallback);
        }).ToList();
        // A wrapper's inner rule is written first, without its key: lookahead(adam(lr=0.1), k=5).
        var positional = entry.Keys.Where(k => k.Positional).Select(k => k.Name).ToHashSet();
        var pairs = keys.Where(k => k.Changed).Select(k => new KeyValuePair<string, string>(positional.Contains(k.Name) ? "" : k.Name, k.Value));
        return new SpecResult
        {
            Spec = new OptimizerSpec(entry.Name, statements is null ? pairs : pairs.Prepend(new("", statements))).ToString(),
            Resolved = OptimizerCatalog.Describe(options).ToString(),
            Name = entry.Name,
            Statements = statements,
            Convention = OptimizerCatalog.Name(convention),
            Effective = OptimizerCatalog.Name(entry.Effective(convention)),
            Keys = keys,
            Schedule = options.Schedule is { } s
                ? new SpecSchedule(s.Name, ScheduleCatalog.Describe(s), Uses<PlateauSchedule>(s), s.MaxSteps)
                : null,
        };
    }

    /// <summary>The rule and options <paramref name="text"/> asks for under <paramref name="convention"/>.</summary>
    /// <exception cref="ApiRequestException">400 on <c>spec</c>: the library's message, with the position of the key at fault when there is one.</exception>
    public static (OptimizerEntry Entry, OptimizerOptions Options) Read(string text, Convention convention)
    {
        ArgumentNullException.ThrowIfNull(text);
        OptimizerSpec parsed;
        try { parsed = OptimizerSpec.Parse(text); }
        catch (SpecException e) { throw Fault(e.Message, null, e); }
        int lead = text.Length - text.TrimStart().Length;
        OptimizerEntry entry;
        try { entry = OptimizerCatalog.EntryOf(parsed); }
        catch (SpecException e) { throw Fault(e.Message, lead, e); }
        catch (RuleException e) { throw Fault($"{e.Reason} (column {e.Position + 1} of the rule)", StatementsStart(text) + e.Position, e); }
        // The name is at fault, not a key: keras lacks the rule whatever its keys.
        if (!entry.Has(convention)) throw Fault(OptimizerCatalog.NoFormula(entry.Name, convention).Message, lead);
        try
        {
            return (entry, OptimizerCatalog.Resolve(parsed, convention));
        }
        catch (SpecException e)
        {
            throw Fault(e.Message, KeyAtFault(text, parsed, convention, e.Message), e);
        }
        catch (RuleException e)
        {
            // A typed rule inside a wrapper (lookahead(rule(...))): its statements are found in the text as typed.
            int at = text.IndexOf(e.Source, StringComparison.Ordinal);
            throw Fault($"{e.Reason} (column {e.Position + 1} of the rule)", at < 0 ? null : at + e.Position, e);
        }
    }

    // A value the rules refuse once read ("adam(lr=-1): lr must be >= 0…") names its key first; a key that does not
    // read is the first whose prefix of the spec fails with the same message. Otherwise there is no one place.
    private static int? KeyAtFault(string text, OptimizerSpec parsed, Convention convention, string message)
    {
        // A typed rule's values follow its statements after '|': its messages name the key, not a place.
        if (parsed.Name == TypedRules.Unnamed) return null;
        string head = OptimizerSpec.Quote(parsed.ToString()) + ": ";
        if (message.StartsWith(head, StringComparison.Ordinal))
        {
            string problem = message[head.Length..];
            int end = problem.IndexOfAny([' ', '=', ':']);
            string key = end < 0 ? problem : problem[..end];
            int pair = parsed.Values.Select(v => v.Key).ToList().IndexOf(key);
            return pair < 0 ? null : PositionOfPair(text, pair);
        }
        for (int i = 0; i < parsed.Values.Count; i++)
        {
            try { OptimizerCatalog.Resolve(new OptimizerSpec(parsed.Name, parsed.Values.Take(i + 1)), convention); }
            catch (SpecException e) when (e.Message == message) { return PositionOfPair(text, i); }
            catch (SpecException) { }
        }
        return null;
    }

    // Where the index-th key=value pair starts in text: the parser's own split of what is between the parentheses.
    private static int? PositionOfPair(string text, int index)
    {
        int lead = text.Length - text.TrimStart().Length;
        string s = text.Trim();
        int open = s.IndexOf('(');
        if (open < 0 || !s.EndsWith(')')) return null;
        var parts = OptimizerSpec.SplitTopLevel(s, s[(open + 1)..^1], ',');
        if (index >= parts.Count) return null;
        int at = lead + open + 1;
        for (int j = 0; j < index; j++) at += parts[j].Length + 1;
        return at + parts[index].Length - parts[index].TrimStart().Length;
    }

    // Where a typed rule's statements start in text: after "rule(" and the blanks the parser trims.
    private static int StatementsStart(string text)
    {
        int at = text.IndexOf('(') + 1;
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    private static bool Uses<TSchedule>(ScheduleOptions schedule) where TSchedule : ScheduleOptions =>
        schedule is TSchedule || (schedule is SequentialSchedule s && s.Schedules.Any(Uses<TSchedule>));

    private static ApiRequestException Fault(string message, int? position, Exception? inner = null) =>
        new(StatusCodes.Status400BadRequest, new ApiError { Argument = "spec", Message = ApiErrors.Shorten(message), Position = position }, inner);
}
