namespace Comet.Workloads.Inputs;

/// <summary>The flat <c>const:</c> map of const.yaml; mapping and problem values that name a constant are replaced by it.</summary>
/// <param name="Values">Constant text by name, with the position of its definition.</param>
public sealed record ConstantTable(IReadOnlyDictionary<string, ConstantValue> Values)
{
    /// <summary>An empty table.</summary>
    public static ConstantTable Empty { get; } = new(new Dictionary<string, ConstantValue>());

    /// <summary>Looks up a constant by exact name.</summary>
    public bool TryGet(string name, out ConstantValue value) => Values.TryGetValue(name, out value!);
}
