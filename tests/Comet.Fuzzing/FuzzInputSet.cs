namespace Comet.Fuzzing;

/// <summary>The four COMET input files of one reference case, held in memory, plus the case's extra flags.</summary>
/// <param name="Name">The case folder's name, e.g. <c>ex_base</c>.</param>
/// <param name="Files">File name (<c>arch.yaml</c>, <c>problem.yaml</c>, <c>mapping.yaml</c>, <c>const.yaml</c>) to its text.</param>
/// <param name="Flags">Extra command-line flags of the case (from <c>flags.txt</c>), e.g. <c>--calc_noc_energy</c>.</param>
public sealed record FuzzInputSet(string Name, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Flags)
{
    /// <summary>The four input file names, in the order the fuzzer draws from.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["arch.yaml", "problem.yaml", "mapping.yaml", "const.yaml"];

    /// <summary>Reads a case folder (the four YAML files and an optional <c>flags.txt</c>).</summary>
    public static FuzzInputSet Load(string folder)
    {
        var files = FileNames.ToDictionary(n => n, n => File.ReadAllText(Path.Combine(folder, n)));
        var flagsPath = Path.Combine(folder, "flags.txt");
        var flags = File.Exists(flagsPath)
            ? File.ReadAllText(flagsPath).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : [];
        return new FuzzInputSet(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), files, flags);
    }

    /// <summary>Loads every case under <paramref name="casesFolder"/> whose reference run succeeded (<c>exit_code.txt</c> is 0), sorted by name.</summary>
    public static IReadOnlyList<FuzzInputSet> LoadRunnable(string casesFolder)
        => Directory.GetDirectories(casesFolder)
            .Where(d => File.Exists(Path.Combine(d, "exit_code.txt")) && File.ReadAllText(Path.Combine(d, "exit_code.txt")).Trim() == "0")
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    /// <summary>Loads every case of the oracle corpus (<c>tests/data/oracle</c>) that the authors' tool completed (<c>"exit_code": 0</c> in <c>expected.json</c>), sorted by name.</summary>
    public static IReadOnlyList<FuzzInputSet> LoadOracle(string oracleFolder)
        => Directory.GetDirectories(oracleFolder)
            .Where(d => File.Exists(Path.Combine(d, "expected.json")) && Completed(Path.Combine(d, "expected.json")))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    private static bool Completed(string expectedJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(expectedJson));
        return document.RootElement.TryGetProperty("exit_code", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.Number && code.GetInt32() == 0;
    }
}
