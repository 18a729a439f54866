using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>Peers meeting at one occurrence of a collective: it starts when the last one arrives.</summary>
/// <param name="Done">Triggered (with the schedule's start cycle) when the collective has finished.</param>
/// <param name="Expected">Participants expected.</param>
public sealed record CollectiveRendezvous(Event Done, int Expected)
{
    /// <summary>Participants arrived so far.</summary>
    public int Arrived { get; set; }

    /// <summary>The trace detail of the participants' collective rows: <c>algorithm:&lt;name&gt;</c> of the schedule that ran.</summary>
    public string Detail { get; set; } = "";
}
