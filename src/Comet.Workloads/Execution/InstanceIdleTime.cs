namespace Comet.Workloads.Execution;

/// <summary>Idle cycles of one component instance by reason.</summary>
/// <param name="Component">Component (level) name.</param>
/// <param name="Instance">Instance number.</param>
/// <param name="Operands">Cycles waiting for input tiles.</param>
/// <param name="Space">Cycles waiting for output space.</param>
/// <param name="Collective">Cycles waiting for a collective's peers or its result.</param>
/// <param name="Binding">Cycles waiting for a binding (pipeline stage, shared sibling, lock-step peers).</param>
public sealed record InstanceIdleTime(string Component, int Instance, long Operands, long Space, long Collective, long Binding)
{
    /// <summary>All idle cycles.</summary>
    public long Total => Operands + Space + Collective + Binding;
}
