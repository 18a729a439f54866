using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Comet.Hardware.Inputs;

/// <summary>An <see cref="IParser"/> that replays a list of parsing events, so YamlDotNet's representation model can be built from events scanned elsewhere.</summary>
internal sealed class EventListParser(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int _next;

    /// <summary>The event the parser is positioned on, or null before the first and after the last.</summary>
    public ParsingEvent? Current { get; private set; }

    /// <summary>Moves to the next event; false after the last.</summary>
    public bool MoveNext()
    {
        Current = _next < events.Count ? events[_next++] : null;
        return Current is not null;
    }
}
