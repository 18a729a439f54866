namespace Comet.Hardware.Components;

/// <summary>Which neighbor a buffer access serves, and in which direction.</summary>
public enum BufferSide
{
    /// <summary>Data read from the buffer towards its parent (a drain upwards).</summary>
    ParentRead,

    /// <summary>Data written into the buffer from its parent (a fill).</summary>
    ParentWrite,

    /// <summary>Data read from the buffer towards a child (filling the child).</summary>
    ChildRead,

    /// <summary>Data written into the buffer by a child (draining the child).</summary>
    ChildWrite,

    /// <summary>Data read for a collective with peer instances.</summary>
    LinkRead,

    /// <summary>Data written by a collective from peer instances.</summary>
    LinkWrite,
}
