namespace Comet.Cli.Tests;

/// <summary>Builds small sweep folders from the oracle corpus for the validate and calibrate tests.</summary>
internal static class ValidateCaseFolders
{
    /// <summary>Two ex_tiling cases whose simulations take well under a second each.</summary>
    public static readonly string[] SmallCases = ["ex_M16N64K128_t0", "ex_M32N128K512_t0"];

    /// <summary>tests/data/oracle in the repository.</summary>
    public static string OracleRoot => Path.Combine(ReferenceCases.RepositoryRoot, "tests", "data", "oracle");

    /// <summary>Copies the named oracle cases (all their files) into sub-folders of <paramref name="folder"/>.</summary>
    public static void Copy(string folder, params string[] cases)
    {
        foreach (var name in cases)
        {
            var target = Path.Combine(folder, name);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(Path.Combine(OracleRoot, name)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    /// <summary>Runs <c>comet</c> with <paramref name="args"/> and captures its exit code and output.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Splits a CSV line of the sweep's files (quoted cells may hold commas and doubled quotes).</summary>
    public static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>The rows of a CSV file as header-keyed dictionaries.</summary>
    public static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Cells(lines[0]);
        return lines.Skip(1).Select(l => header.Zip(Cells(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
