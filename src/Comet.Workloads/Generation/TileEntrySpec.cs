namespace Comet.Workloads.Generation;

/// <summary>One tensor of a DataMovement_Tile node: where it moves from and to, its precision and its factors.</summary>
/// <param name="Tensor">The tensor's name in problem.yaml.</param>
/// <param name="Target">The level the tensor moves from (the node's memory).</param>
/// <param name="Child">The level it moves to.</param>
/// <param name="Precision">Bits per element.</param>
/// <param name="WriteBack">Whether the child writes the tensor back to the target (<c>wb_output</c>).</param>
/// <param name="Tag">The operation the entry belongs to.</param>
/// <param name="Factors">One loop bound per dimension for each factor line (one line for temporal, X then Y for spatial); values are numbers or constant names.</param>
public sealed record TileEntrySpec(string Tensor, string Target, string Child, int Precision, bool WriteBack, string Tag, IReadOnlyList<IReadOnlyDictionary<string, string>> Factors);
