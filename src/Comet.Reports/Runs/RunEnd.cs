namespace Comet.Reports.Runs;

/// <summary>How a run of the simulation loop ended.</summary>
/// <param name="Cancelled">True when the run stopped because the token was cancelled.</param>
/// <param name="OutOfEvents">True when the run stopped at its event budget with events still pending.</param>
/// <param name="Events">Events (steps) processed by this run.</param>
/// <param name="EndCycle">Simulated time when the run stopped, in cycles.</param>
public readonly record struct RunEnd(bool Cancelled, bool OutOfEvents, long Events, long EndCycle)
{
    /// <summary>True when the run went on until no event was left.</summary>
    public bool Finished => !Cancelled && !OutOfEvents;
}
