namespace Comet.Hardware.Components;

/// <summary>Something that counts the bytes a component actually moved, for energy.</summary>
public interface IAccessCounter
{
    /// <summary>Records that <paramref name="bytes"/> were moved through the counted direction.</summary>
    void Count(long bytes);

    /// <summary>Records <paramref name="times"/> accesses of <paramref name="bytes"/> each.</summary>
    void Count(long bytes, long times);
}
