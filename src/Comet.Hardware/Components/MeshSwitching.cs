namespace Comet.Hardware.Components;

/// <summary>How a mesh moves a transfer from router to router.</summary>
public enum MeshSwitching
{
    /// <summary>The whole transfer is one packet, received completely at every router before it is sent on (COMET's assumption: H·(h + bits·q/W)).</summary>
    StoreAndForward,

    /// <summary>The transfer is cut into packets; a packet's head goes on as soon as it arrives and its body streams behind it (virtual cut-through: H·h + bytes ÷ link rate).</summary>
    CutThrough,
}
