namespace Comet.Workloads.Execution;

/// <summary>Bytes of one tensor moved between a level and its parent level, every copy counted.</summary>
/// <param name="Parent">The level the tiles come from or go back to (the entry's target).</param>
/// <param name="Level">The level the tiles are moved into or drained from (the entry's child).</param>
/// <param name="Tensor">Tensor name.</param>
/// <param name="BytesIn">Bytes written into <paramref name="Level"/>'s instances by fills (a multicast to N instances counts N copies).</param>
/// <param name="BytesOut">Bytes drained from <paramref name="Level"/>'s instances back to <paramref name="Parent"/>.</param>
public sealed record TensorTraffic(string Parent, string Level, string Tensor, long BytesIn, long BytesOut);
