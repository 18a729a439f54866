namespace Comet.Sim;

/// <summary>Where a <see cref="Request"/> stands with its resource.</summary>
public enum RequestStatus
{
    /// <summary>In the resource's FIFO queue.</summary>
    Queued,

    /// <summary>Holding one unit of the resource.</summary>
    Granted,

    /// <summary>Released (or cancelled while queued) by Dispose.</summary>
    Released,
}
