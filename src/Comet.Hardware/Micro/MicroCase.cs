namespace Comet.Hardware.Micro;

/// <summary>One mechanism run alone against its closed form (the micro suite of <c>comet compare --suite micro</c>).</summary>
/// <param name="Name">Case name; <c>contention-…</c> cases must take longer than their contention-free form.</param>
/// <param name="Formula">The closed form with its numbers, e.g. <c>H·h + ⌈B/r⌉ = 3·5 + ⌈65536/128⌉</c>.</param>
/// <param name="ExpectedCycles">What the closed form gives (the contention-free figure for <c>contention-…</c> cases).</param>
/// <param name="SimulatedCycles">What the simulated mechanism took.</param>
public sealed record MicroCase(string Name, string Formula, long ExpectedCycles, long SimulatedCycles)
{
    /// <summary>True for a case that must take longer than its contention-free form.</summary>
    public bool IsContention => Name.StartsWith("contention-", StringComparison.Ordinal);

    /// <summary>Whether the mechanism holds: equal to the closed form, or longer than the contention-free form under contention.</summary>
    public bool Holds => IsContention ? SimulatedCycles > ExpectedCycles : SimulatedCycles == ExpectedCycles;
}
