namespace Comet.Workloads.Generation;

/// <summary>One operation of a problem file: its name and tensors (the written one is its output).</summary>
/// <param name="Name">The operation's name, which the mapping's Operation leaf refers to.</param>
/// <param name="Tensors">Its tensors, inputs first.</param>
/// <param name="Dimensions">The dimensions it iterates over (null: all of the problem's).</param>
public sealed record ProblemOperationSpec(string Name, IReadOnlyList<ProblemTensorSpec> Tensors, IReadOnlyList<string>? Dimensions = null)
{
    /// <summary>The tensors it reads.</summary>
    public IEnumerable<string> Inputs => Tensors.Where(t => !t.Written).Select(t => t.Name);

    /// <summary>The tensor it writes.</summary>
    public string Output => Tensors.Single(t => t.Written).Name;
}
