namespace Comet.Hardware.Energy;

/// <summary>The Orion-2-style router/link energy model COMET uses for NoC energy (pJ), with its constants and its output-control term as coded; the analytical model prices whole transfers with it, the simulated mesh each hop.</summary>
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

    /// <summary>Energy of one packet of <paramref name="bits"/> crossing one router and its outgoing link: the same component models with the mesh-wide router and link counts set to one.</summary>
    public static double HopEnergy(double channelWidth, double queuingDelay, double bits) =>
        Terms(channelWidth, 1, queuingDelay, bits, 1, 1, 1);

    // The model's terms with the mesh multipliers as parameters; for Energy they are COMET's (edge, 2·edge−2 links,
    // edge² routers) and the arithmetic is the tool's, term for term.
    private static double Terms(double channelWidth, double hop, double queuingDelay, double bits, double edge, double links, double routers)
    {
        const int inputs = 5, outputs = 5;
        const double trc = 1, tva = 1, tsa = 1, tst = 1, tl = 1;
        const double k = 8.1, m = 2, n = 1, wireLength = 2.0;
        const double cw = 2.0 * 0.000000000000267339 + 2.0 * 0.000000000000267339;
        var channelWire = RepeatedWire(wireLength, k, m, n, cw);
        var channelClock = WireClock(m, wireLength, cw);
        var channelDff = WireDff(m, wireLength);
        var depth = VirtualChannels * VirtualChannelDepth;
        var wordLine = WordLine(channelWidth, depth, channelWidth, cw);
        var bitRead = MemoryBitRead(depth, cw) * channelWidth;
        var bitWrite = MemoryBitWrite(depth, cw) * channelWidth;
        var inputRead = wordLine + bitRead;
        var inputWrite = wordLine + bitWrite;
        var crossbar = Crossbar(channelWidth, inputs, outputs, cw) * channelWidth;
        var crossbarControl = CrossbarControl(channelWidth, inputs, inputs, cw);
        var output = WireDff(1, channelWidth);
        var outputClock = WireClock(1, channelWidth, cw);
        var serialization = queuingDelay * bits / channelWidth;
        channelWire = channelWire * (hop * tl + serialization) * edge * links;
        channelClock = channelClock * (2 * routers);
        channelDff = channelDff * (hop * tl + serialization) * edge * links;
        inputRead = inputRead * serialization * edge * edge;
        inputWrite = inputWrite * serialization * edge * edge;
        crossbar = crossbar * hop * (trc + tva + tsa) * edge * edge;
        crossbarControl = crossbarControl * (hop * (trc + tva + tsa) + serialization) * edge * edge;
        output = output * (hop * tst + serialization) * edge * edge;
        outputClock = outputClock * (hop * tst) * (2 * routers);
        var outputControl = outputClock * (hop * tst + serialization) * edge * edge; // the tool scales the already-scaled output clock power here
        return channelWire + channelClock + channelDff + inputRead + inputWrite + crossbar + crossbarControl + output + outputClock + outputControl;
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
