namespace Comet.Hardware.Components;

/// <summary>What happens at a cut-through mesh's calendar entry.</summary>
internal enum MeshEventKind : byte
{
    /// <summary>A transfer's next packet reaches the head of its local queue at the source router.</summary>
    Inject,

    /// <summary>A packet's head reaches a router's input buffer over a link.</summary>
    Arrive,

    /// <summary>An output has streamed its packet through; its arbiter picks the next.</summary>
    OutputFree,

    /// <summary>An input buffer's last head has streamed out; the next packet becomes the head.</summary>
    InputFree,

    /// <summary>A transfer's last copy is delivered.</summary>
    Complete,
}
