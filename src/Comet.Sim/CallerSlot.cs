namespace Comet.Sim;

/// <summary>One suspended caller on a process's call stack, kept in a struct so that storing it costs no array-covariance check (the body type is an interface).</summary>
internal struct CallerSlot
{
    /// <summary>The caller's body, resumed when the body it called ends.</summary>
    public IEnumerator<Event> Body;
}
