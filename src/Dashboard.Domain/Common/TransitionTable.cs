namespace Dashboard.Domain.Common;

/// <summary>
/// The allowed moves of one state machine. Entities move only through <see cref="EnsureAllowed"/>, and the UI asks
/// <see cref="CanMove"/> which actions to offer instead of re-implementing the rule.
/// </summary>
public sealed class TransitionTable<TState> where TState : struct, Enum
{
    private readonly Dictionary<TState, TState[]> _next;
    private readonly string _machine;

    public TransitionTable(string machine, Dictionary<TState, TState[]> next)
    {
        _machine = machine;
        _next = next;
    }

    public bool CanMove(TState from, TState to) => _next.TryGetValue(from, out var targets) && targets.Contains(to);

    public IReadOnlyList<TState> NextFrom(TState from) => _next.TryGetValue(from, out var targets) ? targets : [];

    public bool IsFinal(TState state) => NextFrom(state).Count == 0;

    public void EnsureAllowed(TState from, TState to)
    {
        if (!CanMove(from, to))
        {
            throw new DomainRuleException("Error.IllegalTransition", _machine, from.ToString(), to.ToString());
        }
    }

    /// <summary>Every (from, to) pair of the machine's states, for tests that check each allowed and forbidden move.</summary>
    public IEnumerable<(TState From, TState To, bool Allowed)> AllPairs() =>
        from f in Enum.GetValues<TState>()
        from t in Enum.GetValues<TState>()
        select (f, t, CanMove(f, t));
}
