namespace Comet.Workloads.Collectives;

/// <summary>The steps of ring algorithms run on several rings at once: in every step each member sends one chunk to its successor (and, reducing, combines the chunk it received).</summary>
/// <remarks>
/// A ring of L members takes L−1 steps. Reduce-scatter steps (Thakur, Rabenseifner and Gropp 2005) send chunk
/// ⌈n/L⌉ and combine what arrived, so after L−1 steps every member holds one fully reduced chunk; all-gather steps
/// pass on the block received in the previous step, so after L−1 steps every member holds every block.
/// </remarks>
public static class RingSteps
{
    /// <summary>The phases of <c>max L − 1</c> steps over <paramref name="rings"/> (each in visiting order), each member sending <paramref name="chunkBytes"/> and, when <paramref name="reduce"/>, combining <paramref name="chunkElements"/>.</summary>
    public static IEnumerable<CollectivePhase> Steps(string name, IReadOnlyList<int[]> rings, long chunkBytes, long chunkElements, bool reduce)
    {
        var steps = rings.Count == 0 ? 0 : rings.Max(r => r.Length) - 1;
        for (var s = 0; s < steps; s++)
        {
            var ports = new List<CollectivePortHold>();
            var flows = new List<CollectiveFlow>();
            var reductions = new List<CollectiveReduction>();
            foreach (var ring in rings)
            {
                if (s >= ring.Length - 1)
                {
                    continue;
                }

                for (var k = 0; k < ring.Length; k++)
                {
                    var from = ring[k];
                    var to = ring[(k + 1) % ring.Length];
                    ports.Add(new CollectivePortHold(from, false, chunkBytes));
                    ports.Add(new CollectivePortHold(to, true, chunkBytes));
                    flows.Add(new CollectiveFlow(from, [to], chunkBytes, false));
                    if (reduce)
                    {
                        reductions.Add(new CollectiveReduction(to, chunkElements));
                    }
                }
            }

            yield return new CollectivePhase(name, ports, flows, reductions);
        }
    }
}
