using System.Text.RegularExpressions;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Each side of a move is priced with COMET's field: the target's <c>parent_*</c> energy, the child's <c>child_*</c> energy.</summary>
public class EnergyFieldTests
{
    [Test]
    public void DramParentReadEnergy_PricesEveryByteReadFromDram_AsInComet()
    {
        // ex_base with every energy 1 pJ, then DRAM parent_read_energy 100: DRAM is the target of every read, so each
        // width (1 B) it reads costs 99 pJ more. The DRAM reads 256·4096 (A) + 4096·1024 (B) = 5 242 880 B, and COMET
        // counts the same bytes (4·262 144 + 1·1 048 576·4), so both totals rise by 5 242 880 · 99.
        var (baseSim, baseComet) = Energies(Arch(a => a));
        var (sim, comet) = Energies(Arch(a => SetEnergy(a, "DRAM", "parent_read_energy", 100)));
        const double expected = 5_242_880.0 * 99;
        Assert.That(comet - baseComet, Is.EqualTo(expected).Within(1e-3));
        Assert.That(sim - baseSim, Is.EqualTo(expected).Within(1e-3));
    }

    [Test]
    public void DramChildReadEnergy_IsNotWhatDramReadsCost()
    {
        // The DRAM is never the child of a move, so its child_* fields price nothing (COMET's records agree).
        var (baseSim, baseComet) = Energies(Arch(a => a));
        var (sim, comet) = Energies(Arch(a => SetEnergy(a, "DRAM", "child_read_energy", 100)));
        Assert.That(comet, Is.EqualTo(baseComet).Within(1e-3));
        Assert.That(sim, Is.EqualTo(baseSim).Within(1e-3));
    }

    [Test]
    public void SramChildWriteEnergy_PricesTheFillsWrittenIntoIt_AsChild()
    {
        // GBuffer child_write_energy 101: a GBuffer is written as the child when DRAM fills it, and nothing else it
        // writes has a child_write price. A: a 64·4096 B tile multicast to all 4 GBuffers at each of the 4 DRAM
        // iterations (4 MiB written); B: one 4096·256 B tile per GBuffer, once (4 MiB). 8 388 608 B ÷ 2048 B per row
        // = 4096 rows, each 100 pJ more.
        var (baseSim, _) = Energies(Arch(a => a));
        var (sim, _) = Energies(Arch(a => SetEnergy(a, "GBuffer", "child_write_energy", 101)));
        Assert.That(sim - baseSim, Is.EqualTo(4096.0 * 100).Within(1e-3));
    }

    private static string Arch(Func<string, string> edit)
    {
        var folder = CaseFiles.Folder("ex_base") ?? throw new InconclusiveException("ex_base is not on this machine");
        return edit(File.ReadAllText(Path.Combine(folder, "arch.yaml")).ReplaceLineEndings("\n"));
    }

    /// <summary>Sets <paramref name="field"/> of the memory type <paramref name="type"/> (the block under its <c>- name:</c> line).</summary>
    private static string SetEnergy(string arch, string type, string field, double value)
    {
        var pattern = new Regex($@"(- name: {type}\n(?:(?!  - name:).*\n)*?\s+{field}:)\s*[0-9.]+");
        Assert.That(pattern.IsMatch(arch), $"{type}.{field} not found");
        return pattern.Replace(arch, m => m.Groups[1].Value + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
    }

    private static (double Simulated, double Comet) Energies(string arch)
    {
        var folder = CaseFiles.Folder("ex_base")!;
        var inputs = CometInputLoader.Parse(
            arch,
            File.ReadAllText(Path.Combine(folder, "problem.yaml")),
            File.ReadAllText(Path.Combine(folder, "mapping.yaml")),
            File.ReadAllText(Path.Combine(folder, "const.yaml")));
        var simulated = new DataflowExecutor(inputs, new Simulation()).Run().TotalEnergy;
        var comet = AnalyticalModel.Evaluate(inputs, AnalyticOptions.Default).TotalEnergyPj;
        return (simulated, comet);
    }
}
