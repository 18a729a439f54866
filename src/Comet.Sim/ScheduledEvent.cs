namespace Comet.Sim;

/// <summary>One entry of the event queue: when an event fires and in which order among equal times.</summary>
/// <param name="Time">Cycle at which the event fires.</param>
/// <param name="Order">Priority in the high bits and insertion sequence in the low bits, so one comparison orders equal times.</param>
/// <param name="Event">The event to process.</param>
internal readonly record struct ScheduledEvent(long Time, long Order, Event Event);
