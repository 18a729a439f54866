namespace Comet.Fuzzing;

/// <summary>One fuzz input: a reference case with one of its files mutated.</summary>
/// <param name="Seed">The plan's seed.</param>
/// <param name="Index">The case's index in the plan; with the seed it regenerates the case exactly.</param>
/// <param name="Inputs">The undamaged case.</param>
/// <param name="FileName">Which of the four files was mutated.</param>
/// <param name="Mutation">What was done to it.</param>
public sealed record FuzzCase(int Seed, int Index, FuzzInputSet Inputs, string FileName, YamlMutation Mutation)
{
    /// <summary>One line naming the case, for reports: seed, index, reference case, file and mutation.</summary>
    public string Describe() => $"seed {Seed} #{Index} {Inputs.Name}/{FileName}: {Mutation.Description}";

    /// <summary>Writes the four files (one of them mutated) into <paramref name="folder"/> and returns their paths by file name.</summary>
    public IReadOnlyDictionary<string, string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new Dictionary<string, string>();
        foreach (var name in FuzzInputSet.FileNames)
        {
            var path = Path.Combine(folder, name);
            if (name == FileName)
            {
                File.WriteAllBytes(path, Mutation.Content);
            }
            else
            {
                File.WriteAllText(path, Inputs.Files[name]);
            }

            paths[name] = path;
        }

        return paths;
    }
}
