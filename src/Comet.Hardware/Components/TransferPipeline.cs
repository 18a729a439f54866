using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>One pipelined transfer in flight: chunks read at the source ports, sent over the mesh, written at the destination ports, with a bounded staging buffer between stages.</summary>
/// <remarks>
/// The source reads chunk j only while its staging buffer holds fewer than <see cref="TransferStaging.Depth"/> chunks
/// not yet taken downstream (by the mesh's source router, or by the destination ports when there is no mesh). The
/// mesh takes the next chunk when the source router's local port is free, and only while fewer than Depth chunks wait
/// at the destination (on/off flow control: chunks already in flight still land). The destination writes chunk j once
/// it has arrived. Each port is held only while it moves its own chunk; the waits between are the pipeline's.
/// </remarks>
internal sealed class TransferPipeline
{
    private readonly Simulation _sim;
    private readonly ComponentRef _requester;
    private readonly ActivityLabel _label;
    private readonly PortUse[] _source;
    private readonly PortUse[] _destination;
    private readonly NetworkLeg? _network;
    private readonly long _bytes;
    private readonly long _chunk;
    private readonly int _depth;
    private readonly bool[] _delivered;
    private readonly int[] _legsLeft;
    private readonly long[] _heldCycles;
    // Each held port's cycles for the chunk its side holds now (laid out as _heldCycles), worked out once per chunk.
    private readonly long[] _holdCycles;
    private Event? _sourceWake;
    private Event? _destinationWake;
    private bool _injecting;
    private bool _timerSet;
    private long _localPortFreeAt;
    private int _read;
    private int _sent;
    private int _injected;
    private int _deliveredCount;
    private int _writeStarted;

    /// <summary>Sets up a transfer of <paramref name="bytes"/> from the <paramref name="source"/> ports to the <paramref name="destination"/> ports (both in key order) over <paramref name="network"/> (or none).</summary>
    public TransferPipeline(Simulation sim, ComponentRef requester, ActivityLabel label, PortUse[] source, PortUse[] destination, NetworkLeg? network, long bytes, TransferStaging staging)
    {
        _sim = sim;
        _requester = requester;
        _label = label;
        _source = source;
        _destination = destination;
        _network = network is { To.Count: > 0 } ? network : null;
        _bytes = Math.Max(1, bytes);
        _chunk = Math.Max(1, staging.ChunkBytes);
        _depth = Math.Max(1, staging.Depth);
        Chunks = (int)Cycles.CeilDiv(_bytes, _chunk);
        // A single chunk never gets here: SingleChunkTransfer runs it.
        _delivered = _network is null || Chunks == 1 ? [] : new bool[Chunks];
        _legsLeft = Chunks > 1 && _network is { Multicast: false, To.Count: > 1 } ? new int[Chunks] : [];
        _heldCycles = new long[source.Length + destination.Length];
        _holdCycles = new long[source.Length + destination.Length];
    }

    /// <summary>Chunks the transfer is cut into: ⌈bytes ÷ chunk⌉.</summary>
    public int Chunks { get; }

    /// <summary>The source stage: reads chunk after chunk while the staging buffer has room.</summary>
    public IEnumerable<Event> Source()
    {
        for (var j = 0; j < Chunks; j++)
        {
            while (j - (_network is null ? _writeStarted : _injected) >= _depth)
            {
                _sourceWake = _sim.Event();
                yield return _sourceWake;
            }

            yield return _sim.Call(Hold(_source, 0, j, destination: false));

            _read++;
            if (j == Chunks - 1)
            {
                Count(_source, 0);
            }

            if (_network is null)
            {
                Wake(ref _destinationWake);
            }
            else
            {
                TrySend();
            }
        }
    }

    /// <summary>The destination stage: writes every chunk once it has arrived.</summary>
    public IEnumerable<Event> Destination()
    {
        for (var j = 0; j < Chunks; j++)
        {
            while (!(_network is null ? _read > j : _delivered[j]))
            {
                _destinationWake = _sim.Event();
                yield return _destinationWake;
            }

            yield return _sim.Call(Hold(_destination, _source.Length, j, destination: true));
        }

        Count(_destination, _source.Length);
    }

    /// <summary>Counts a side's bytes and busy cycles once per transfer, as a serial transfer counts them.</summary>
    private void Count(PortUse[] uses, int at)
    {
        for (var i = 0; i < uses.Length; i++)
        {
            if (uses[i].Bytes > 0)
            {
                uses[i].Account?.Count(uses[i].Bytes);
                uses[i].Pool.AddBusy(_heldCycles[at + i]);
            }
        }
    }

    /// <summary>Takes every port of one side for chunk <paramref name="j"/> (in key order), holds each for its share, and releases it when its share is through.</summary>
    private IEnumerable<Event> Hold(PortUse[] uses, int at, int j, bool destination)
    {
        var trace = _sim.Trace;
        var grants = uses.Length == 0 ? null : new Request?[uses.Length];
        try
        {
            for (var i = 0; i < uses.Length; i++)
            {
                if (ShareOf(uses[i], j) <= 0)
                {
                    continue;
                }

                var asked = _sim.Now;
                if (!uses[i].Pool.Resource.TryRequest(out var grant))
                {
                    grants![i] = grant;
                    yield return grant;
                }

                grants![i] = grant;
                if (_sim.Now > asked)
                {
                    trace?.Write(new TraceRecord(asked, _sim.Now, _requester.Name, _requester.Instance, ActivityKind.Stall, _label.Operation, _label.Tensor, _label.Tile, ShareOf(uses[i], j), uses[i].Pool.StallReason));
                }
            }

            if (destination && Chunks > 1)
            {
                _writeStarted++;
                if (_network is null)
                {
                    Wake(ref _sourceWake);
                }
                else
                {
                    TrySend();
                }
            }

            // Every port streams its own share; each is released when its share is through (shortest first).
            var start = _sim.Now;
            for (var i = 0; i < uses.Length; i++)
            {
                if (grants![i] is not null)
                {
                    _holdCycles[at + i] = CyclesOf(uses[i], j);
                }
            }

            for (var released = 0; released < uses.Length; released++)
            {
                var next = -1;
                long nextHold = 0;
                for (var i = 0; i < uses.Length; i++)
                {
                    if (grants![i] is not null)
                    {
                        var hold = _holdCycles[at + i];
                        if (next < 0 || hold < nextHold)
                        {
                            (next, nextHold) = (i, hold);
                        }
                    }
                }

                if (next < 0)
                {
                    break;
                }

                var remaining = start + nextHold - _sim.Now;
                if (remaining > 0)
                {
                    yield return _sim.Timeout(remaining);
                }

                grants![next]!.Dispose();
                grants[next] = null;
                var use = uses[next];
                _heldCycles[at + next] += nextHold;
                var owner = use.Pool.Owner;
                trace?.Write(new TraceRecord(start, _sim.Now, owner.Name, owner.Instance, use.Activity, _label.Operation, _label.Tensor, _label.Tile, ShareOf(use, j), ""));
            }
        }
        finally
        {
            if (grants is not null)
            {
                foreach (var g in grants)
                {
                    g?.Dispose();
                }
            }
        }
    }

    /// <summary>Starts the mesh leg of the next chunk when it has been read, the source router's port is free and the destination has room.</summary>
    private void TrySend()
    {
        var network = _network!;
        if (_injecting || _sent >= _read || _deliveredCount - _writeStarted >= _depth)
        {
            return;
        }

        if (_sim.Now < _localPortFreeAt)
        {
            if (!_timerSet)
            {
                _timerSet = true;
                _sim.Timeout(_localPortFreeAt - _sim.Now).AddCallback(_ =>
                {
                    _timerSet = false;
                    TrySend();
                });
            }

            return;
        }

        var j = _sent++;
        _injecting = true;
        var bytes = Math.Min(_chunk, _bytes - (j * _chunk));
        var label = _label;
        if (network.Multicast || network.To.Count == 1)
        {
            var injected = _sim.Event();
            injected.AddCallback(Injected);
            _sim.Process(network.Mesh.Send(_sim, _requester, label, network.From, network.To, bytes, injected), "chunk").AddCallback(_ => Delivered(j));
            return;
        }

        // Separate unicasts: the chunk is injected when every copy is, delivered when every copy is.
        _legsLeft[j] = network.To.Count;
        var pending = new Event[network.To.Count];
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = _sim.Event();
            _sim.Process(network.Mesh.Send(_sim, _requester, label, network.From, [network.To[i]], bytes, pending[i]), "chunk").AddCallback(_ =>
            {
                if (--_legsLeft[j] == 0)
                {
                    Delivered(j);
                }
            });
        }

        _sim.AllOf(pending).AddCallback(_ =>
        {
            var freeAt = 0L;
            foreach (var p in pending)
            {
                freeAt = Math.Max(freeAt, p.Value is long t ? t : 0);
            }

            OnInjected(freeAt);
        });
    }

    private void Injected(Event e) => OnInjected(e.Value is long t ? t : _sim.Now);

    private void OnInjected(long localPortFreeAt)
    {
        _injected++;
        _injecting = false;
        _localPortFreeAt = localPortFreeAt;
        Wake(ref _sourceWake);
        TrySend();
    }

    private void Delivered(int j)
    {
        _delivered[j] = true;
        _deliveredCount++;
        Wake(ref _destinationWake);
    }

    private static void Wake(ref Event? wake)
    {
        if (wake is { } e)
        {
            wake = null;
            e.Succeed();
        }
    }

    /// <summary>Bytes of <paramref name="use"/> up to the start of chunk <paramref name="j"/>: its share of the transfer's first j chunks.</summary>
    private long Cumulative(PortUse use, int j) => use.Bytes == _bytes
        ? Math.Min(_bytes, j * _chunk)
        : (long)((Int128)use.Bytes * Math.Min(_bytes, j * _chunk) / _bytes);

    private long ShareOf(PortUse use, int j) => Cumulative(use, j + 1) - Cumulative(use, j);

    /// <summary>Cycles <paramref name="use"/> is held for chunk <paramref name="j"/>: cut at cumulative offsets so the chunks add up to ⌈bytes ÷ bw⌉, the access latency once, on the first chunk.</summary>
    private long CyclesOf(PortUse use, int j)
    {
        // s_j = ⌈c_{j+1}/bw⌉ − ⌈c_j/bw⌉ (+ access latency when j = 0)
        var bw = use.BytesPerCycle > 0 ? use.BytesPerCycle : use.Pool.BytesPerCycle;
        var cycles = Cycles.ForBytes(Cumulative(use, j + 1), bw) - Cycles.ForBytes(Cumulative(use, j), bw);
        return j == 0 ? cycles + use.Pool.AccessLatencyCycles : cycles;
    }
}
