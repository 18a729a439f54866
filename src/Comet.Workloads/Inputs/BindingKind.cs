namespace Comet.Workloads.Inputs;

/// <summary>How sibling mapping nodes share time (values match the tool's enum order).</summary>
public enum BindingKind
{
    /// <summary>One after the other.</summary>
    Sequential = 0,

    /// <summary>Sharing resources.</summary>
    Sharing = 1,

    /// <summary>In parallel.</summary>
    Parallel = 2,

    /// <summary>Software pipelined.</summary>
    Pipeline = 3,

    /// <summary>No binding (single child).</summary>
    None = 4,
}
