namespace Comet.Hardware.Energy;

/// <summary>The Orion-2-style router/link energy model COMET uses for NoC energy (pJ), with its constants and its output-control term as coded; the analytical model prices whole transfers with it, the simulated mesh every flit at every router and link it crosses.</summary>
public static class OrionRouterEnergy
{
    private const double Vdd = 0.9;
    private const double R = 606.321;
    private const double CgPwr = 0.000000000000000534;
    private const double CdPwr = 0.000000000000000267;
    private const double Cgdl = 0.0000000000000001068;
    private const double Cg = 0.000000000000000534;
    private const double Cd = 0.000000000000000267;
    private const double Lambda = 0.016;
    private const double MetalPitch = 0.000080;
    private const int DffHeight = 8;
    private const double CiDelay = 3 * (Cg + Cgdl);
    private const double CoDelay = 3 * Cd;
    private const double Ci = (1.0 + 2.0) * CgPwr;
    private const double Co = (1.0 + 2.0) * CdPwr;
    private const double Fo4 = R * (3.0 * Cd + 12 * Cg + 12 * Cgdl);
    private const double ClockPeriod = 20 * Fo4;
    private const double Frequency = 1.0 / ClockPeriod;
    private const double ChannelPitch = 2.0 * MetalPitch;
    private const double CrossbarPitch = 2.0 * MetalPitch;
    private const int VirtualChannels = 3;
    private const int VirtualChannelDepth = 10;

    /// <summary>Energy of moving <paramref name="bits"/> over <paramref name="hops"/> router hops on a mesh with edge <paramref name="meshEdge"/> (all pipeline stage times 1), as COMET charges a whole transfer: every router and link of the mesh.</summary>
    public static double Energy(double channelWidth, long hops, double queuingDelay, double bits, long meshEdge)
    {
        var edge = (uint)meshEdge;
        var links = edge * 2 - 2;
        var routers = edge * edge;
        return Terms(channelWidth, (uint)hops, queuingDelay, bits, edge, links, routers);
    }

    /// <summary>Energy of a packet of <paramref name="bits"/> crossing one router and its outgoing link: ⌈bits ÷ W⌉ flits at <see cref="FlitEnergy"/> each, so an empty packet costs nothing.</summary>
    public static double HopEnergy(double channelWidth, double queuingDelay, double bits) =>
        // E_hop = ⌈bits/W⌉ · E_flit
        bits <= 0 || channelWidth <= 0 ? 0 : Math.Ceiling(bits / channelWidth) * FlitEnergy(channelWidth, queuingDelay);

    /// <summary>Energy of one flit (W bits) crossing one router and its outgoing link: COMET's serialization-driven terms for the q cycles the flit occupies the channel (1 when q is 0), plus one crossbar traversal.</summary>
    public static double FlitEnergy(double channelWidth, double queuingDelay)
    {
        // E_flit = q'·(wire + dff + buffer read + buffer write + crossbar control + output + output control) + crossbar·tst.
        // The first part is exactly what COMET's formula adds per W bits at one router (its slope in the serialization);
        // the crossbar, which COMET charges per hop for three allocation stages whatever the bits, is crossed by every
        // flit once, in its switch-traversal stage. The clock terms COMET charges per packet tick with time, not flits.
        const double tst = 1, routers = 1;
        var c = PerCycle(channelWidth);
        var cycles = Math.Max(1, queuingDelay);
        var outputControl = c.OutputClock * tst * (2 * routers);
        return ((c.ChannelWire + c.ChannelDff + c.InputRead + c.InputWrite + c.CrossbarControl + c.Output + outputControl) * cycles) + (c.Crossbar * tst);
    }

    // The model's terms with the mesh multipliers as parameters; for Energy they are COMET's (edge, 2·edge−2 links,
    // edge² routers) and the arithmetic is the tool's, term for term.
    private static double Terms(double channelWidth, double hop, double queuingDelay, double bits, double edge, double links, double routers)
    {
        const double trc = 1, tva = 1, tsa = 1, tst = 1, tl = 1;
        var c = PerCycle(channelWidth);
        var serialization = queuingDelay * bits / channelWidth;
        var channelWire = c.ChannelWire * (hop * tl + serialization) * edge * links;
        var channelClock = c.ChannelClock * (2 * routers);
        var channelDff = c.ChannelDff * (hop * tl + serialization) * edge * links;
        var inputRead = c.InputRead * serialization * edge * edge;
        var inputWrite = c.InputWrite * serialization * edge * edge;
        var crossbar = c.Crossbar * hop * (trc + tva + tsa) * edge * edge;
        var crossbarControl = c.CrossbarControl * (hop * (trc + tva + tsa) + serialization) * edge * edge;
        var output = c.Output * (hop * tst + serialization) * edge * edge;
        var outputClock = c.OutputClock * (hop * tst) * (2 * routers);
        var outputControl = outputClock * (hop * tst + serialization) * edge * edge; // the tool scales the already-scaled output clock power here
        return channelWire + channelClock + channelDff + inputRead + inputWrite + crossbar + crossbarControl + output + outputClock + outputControl;
    }

    // Every component's energy per cycle of activity at channel width W, before COMET's cycle and mesh multipliers.
    private static OrionComponents PerCycle(double channelWidth)
    {
        const int inputs = 5, outputs = 5;
        const double k = 8.1, m = 2, n = 1, wireLength = 2.0;
        const double cw = 2.0 * 0.000000000000267339 + 2.0 * 0.000000000000267339;
        var depth = VirtualChannels * VirtualChannelDepth;
        var wordLine = WordLine(channelWidth, depth, channelWidth, cw);
        return new OrionComponents(
            ChannelWire: RepeatedWire(wireLength, k, m, n, cw),
            ChannelClock: WireClock(m, wireLength, cw),
            ChannelDff: WireDff(m, wireLength),
            InputRead: wordLine + (MemoryBitRead(depth, cw) * channelWidth),
            InputWrite: wordLine + (MemoryBitWrite(depth, cw) * channelWidth),
            Crossbar: Crossbar(channelWidth, inputs, outputs, cw) * channelWidth,
            CrossbarControl: CrossbarControl(channelWidth, inputs, inputs, cw),
            Output: WireDff(1, channelWidth),
            OutputClock: WireClock(1, channelWidth, cw));
    }

    private static double RepeatedWire(double l, double k, double m, double n, double cw)
    {
        var segments = m * n;
        var ca = k * (Ci + Co) + cw * (l / segments);
        var pa = 0.5 * ca * Vdd * Vdd * Frequency;
        return pa * m * n;
    }

    private static double WireClock(double m, double w, double cw)
    {
        var columns = DffHeight * MetalPitch / ChannelPitch;
        var clockLength = w * ChannelPitch;
        var cclk = (1 + 5.0 / 16.0 * (1 + CoDelay / CiDelay)) * (clockLength * cw * columns + w * CiDelay);
        return m * cclk * (Vdd * Vdd) * Frequency;
    }

    private static double WireDff(double m, double w)
    {
        const double alpha = 1.0;
        var cdin = 2 * 0.8 * (Ci + Co) + 2 * (2.0 / 3.0 * 0.8 * Co);
        var cclk = 2 * 0.8 * (Ci + Co) + 2 * (2.0 / 3.0 * 0.8 * CgPwr);
        var cint = (alpha * 0.5) * cdin + alpha * cclk;
        return cint * m * w * (Vdd * Vdd) * Frequency;
    }

    private static double WordLine(double memoryWidth, double memoryDepth, double channelWidth, double cw)
    {
        var ccell = 2 * (4.0 * Lambda) * CgPwr + 6 * MetalPitch * cw;
        var cwl = memoryWidth * ccell;
        var warray = 8 * MetalPitch + memoryDepth;
        var x = 1.0 + (5.0 / 16.0) * (1 + Co / Ci);
        var cpredecode = x * (cw * warray * Ci);
        var cdecode = x * cwl;
        var harray = 6 * memoryWidth * MetalPitch;
        var y = (1 + 0.25) * (1 + Co / Ci);
        var cprecharge = y * (cw * harray + 3 * channelWidth * Ci);
        var cwren = y * (cw * harray + 2 * channelWidth * Ci);
        var cbd = cprecharge + cwren;
        var cwd = 2 * cpredecode + cdecode;
        return (cbd + cwd) * Vdd * Vdd * Frequency;
    }

    private static double MemoryBitRead(double memoryDepth, double cw)
    {
        var ccell = 4.0 * Lambda * CdPwr + 8 * MetalPitch * cw;
        var cbl = memoryDepth * ccell;
        return cbl * Vdd * Vdd * Frequency;
    }

    private static double MemoryBitWrite(double memoryDepth, double cw)
    {
        var ccell = 4.0 * Lambda * CdPwr + 8 * MetalPitch * cw;
        var cbl = memoryDepth * ccell;
        var ccc = 2 * (Co + Ci);
        return (0.5 * ccc * (Vdd * Vdd)) + (cbl * Vdd * Vdd * Frequency);
    }

    private static double Crossbar(double width, double inputs, double outputs, double cw)
    {
        var wxbar = width * outputs * CrossbarPitch;
        var hxbar = width * inputs * CrossbarPitch;
        var cwIn = wxbar * cw;
        var cwOut = hxbar * cw;
        var cxi = (1.0 / 16.0) * cwOut;
        var cxo = 4.0 * cxi * (CoDelay / CiDelay);
        var cti = (1.0 / 16.0) * cwIn;
        var cto = 4.0 * cti * (CoDelay / CiDelay);
        var cinputDriver = 5.0 / 16.0 * (1 + CoDelay / CiDelay) * (0.5 * cw * wxbar + cti);
        var cin = cinputDriver + cwIn + cti + (outputs * cxi);
        var cout = cwOut + cto + (inputs * cxo);
        return 0.5 * (cin + cout) * (Vdd * Vdd * Frequency);
    }

    private static double CrossbarControl(double width, double inputs, double outputs, double cw)
    {
        var wxbar = width * outputs * CrossbarPitch;
        var hxbar = width * inputs * CrossbarPitch;
        var cwIn = wxbar * cw;
        var cti = (5.0 / 16.0) * cwIn;
        var cctrl = width * cti + (wxbar + hxbar) * cw;
        var cdrive = (5.0 / 16.0) * (1 + CoDelay / CiDelay) * cctrl;
        return (cdrive + cctrl) * (Vdd * Vdd) * Frequency;
    }
}
