namespace Comet.Workloads.Generation;

/// <summary>Writes an unfused sequence folder (the format <see cref="Inputs.SequenceFolder"/> reads) from its steps.</summary>
public static class SequenceFolderWriter
{
    /// <summary>The files of an unfused sequence folder: the shared arch.yaml and flags.txt, one subfolder per step and sequence.txt listing them in run order.</summary>
    public static List<GeneratedFile> Files(string archText, IReadOnlyList<UnfusedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var files = new List<GeneratedFile> { new("arch.yaml", archText), new("flags.txt", "--calc_noc_energy\n") };
        foreach (var s in steps)
        {
            files.Add(new($"{s.Folder}/problem.yaml", s.Problem));
            files.Add(new($"{s.Folder}/mapping.yaml", s.Mapping));
            files.Add(new($"{s.Folder}/const.yaml", ConstantsYamlWriter.Write($"{s.Folder}: factors by the default rule of docs/generate.md", s.Constants)));
        }

        files.Add(new(Inputs.SequenceFolder.SequenceFile, string.Concat(steps.Select(s => s.Folder + "\n"))));
        return files;
    }
}
