namespace Comet.Sim;

/// <summary>An event waiting in the timing wheel or the current batch; its time is implied by where it sits.</summary>
/// <param name="Order">Priority in the high bits and insertion sequence in the low bits.</param>
/// <param name="Event">The event to process.</param>
internal readonly record struct WheelEntry(long Order, Event Event);
