namespace Comet.Cli.Cancellation;

/// <summary>How a cancellable run ended.</summary>
/// <param name="Cancelled">True when the run stopped because the token was cancelled, false when it ran out of events.</param>
/// <param name="Events">Events (steps) processed by this run.</param>
/// <param name="EndCycle">Simulated time when the run stopped, in cycles.</param>
public readonly record struct CancellableRunResult(bool Cancelled, long Events, long EndCycle);
