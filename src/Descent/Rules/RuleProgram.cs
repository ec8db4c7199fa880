using Descent.Specs;

namespace Descent.Rules;

/// <summary>
/// Parsed and checked statements of a typed rule (<see cref="RuleSyntax"/>): which names are state, which are
/// hyperparameters, how many look-ahead gradients a step evaluates. <see cref="RuleKernel{T}"/> compiles it.
/// </summary>
public sealed class RuleProgram
{
    private readonly Dictionary<string, int> _stateIndex;

    private RuleProgram(string source, List<RuleStatement> statements, List<string> states, List<string> hyperparameters, int lookAheads, bool readsGradient)
    {
        Source = source;
        Statements = statements;
        StateNames = states;
        Hyperparameters = hyperparameters;
        LookAheads = lookAheads;
        ReadsGradient = readsGradient;
        _stateIndex = states.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
    }

    /// <summary>The statements as typed.</summary>
    public string Source { get; }

    /// <summary>Per-parameter state, in order of first assignment (the optimizer's state buffers).</summary>
    public IReadOnlyList<string> StateNames { get; }

    /// <summary>The names declared after <c>|</c> that no statement assigns, besides <c>lr</c>: the rule's own hyperparameters.</summary>
    public IReadOnlyList<string> Hyperparameters { get; }

    /// <summary>How many <c>grad(...)</c> calls a step makes.</summary>
    public int LookAheads { get; }

    /// <summary>Whether the statements read <c>g</c>, the gradient at the current parameters.</summary>
    public bool ReadsGradient { get; }

    /// <summary>Gradient evaluations per step: one per look-ahead, plus one at <c>p</c> if <c>g</c> is read (at least one).</summary>
    public int GradientsPerStep => Math.Max(1, LookAheads + (ReadsGradient || LookAheads == 0 ? 1 : 0));

    internal IReadOnlyList<RuleStatement> Statements { get; }

    internal int StateIndex(string name) => _stateIndex[name];

    internal bool IsState(string name) => _stateIndex.ContainsKey(name);

    /// <summary>
    /// Parses and checks <paramref name="source"/> (the statements before <c>|</c>), given the names declared after
    /// <c>|</c> (<paramref name="declared"/>: hyperparameters, or initial values of state). Throws
    /// <see cref="RuleException"/> pointing at the offending character.
    /// </summary>
    public static RuleProgram Parse(string source, IReadOnlyCollection<string> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var statements = RuleParser.Parse(source);
        var states = new List<string>();
        int assignsP = -1;
        for (int i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            switch (s.Target)
            {
                case "g":
                    throw new RuleException(source, s.Position, "'g' is the gradient and is read-only; assign a state of your own (d = ...) instead.");
                case "t":
                    throw new RuleException(source, s.Position, "'t' is the step count and is read-only.");
                case "lr":
                    throw new RuleException(source, s.Position, "'lr' is a hyperparameter (given after | or set by a schedule) and cannot be assigned.");
                case "p":
                    if (assignsP >= 0) throw new RuleException(source, s.Position, "p is assigned twice; a rule has exactly one p = ..., its last statement.");
                    assignsP = i;
                    break;
                default:
                    if (RuleSyntax.Functions.ContainsKey(s.Target))
                        throw new RuleException(source, s.Position, $"'{s.Target}' is a function and cannot be assigned.");
                    if (!states.Contains(s.Target)) states.Add(s.Target);
                    break;
            }
        }
        if (assignsP < 0)
            throw new RuleException(source, source.TrimEnd().Length, "No statement assigns p; the last statement must give the new parameter, e.g. p = p - lr*g.");
        if (assignsP != statements.Count - 1)
            throw new RuleException(source, statements[assignsP].Position, "p = ... must be the last statement: the statements after it would not change the step.");

        var hyperparameters = declared.Where(d => d != "lr" && !states.Contains(d)).ToList();
        var valid = new List<string>([.. RuleSyntax.ReadOnlyNames, .. states, .. hyperparameters]);
        foreach (var c in RuleSyntax.Constants) if (!valid.Contains(c)) valid.Add(c);
        bool readsGradient = false;
        int lookAheads = 0;
        foreach (var s in statements) Check(s.Value);
        return new RuleProgram(source, statements, states, hyperparameters, lookAheads, readsGradient);

        void Check(RuleNode node)
        {
            switch (node)
            {
                case RuleName n:
                    if (!valid.Contains(n.Name))
                    {
                        string hint = Suggest.Nearest(n.Name, valid) is { } near ? $" Did you mean '{near}'?" : "";
                        throw new RuleException(source, n.Position,
                            $"Unknown name '{n.Name}'.{hint} Valid names: {string.Join(", ", valid)} (a hyperparameter is declared after |, e.g. | {n.Name}=0.9).");
                    }
                    if (n.Name == "g") readsGradient = true;
                    break;
                case RuleNegate n: Check(n.Operand); break;
                case RuleBinary b: Check(b.Left); Check(b.Right); break;
                case RuleCall c: foreach (var a in c.Args) Check(a); break;
                case RuleIf f: Check(f.Left); Check(f.Right); Check(f.Then); Check(f.Else); break;
                case RuleGrad gr: lookAheads++; Check(gr.Point); break;
            }
        }
    }
}
