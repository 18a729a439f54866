namespace Comet.Sim;

/// <summary>Life cycle of an <see cref="Event"/>.</summary>
public enum EventState
{
    /// <summary>Not yet triggered: nobody has called Succeed or Fail.</summary>
    Pending,

    /// <summary>Triggered and waiting in the event queue.</summary>
    Triggered,

    /// <summary>Taken from the queue; its waiters have been resumed.</summary>
    Processed,
}
