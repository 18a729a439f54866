using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;

namespace Comet.Workloads.Inputs;

/// <summary>Loads and validates the four COMET input files.</summary>
public static class CometInputLoader
{
    /// <summary>Loads arch, problem, mapping and constants files, then runs the tool's mapping validation.</summary>
    public static CometInputSet Load(string archPath, string problemPath, string mappingPath, string constantsPath)
        => Load(YamlFile.Load(archPath), problemPath, mappingPath, constantsPath);

    /// <summary>Loads problem, mapping and constants files against an architecture already read (a preset's), then runs the tool's mapping validation.</summary>
    public static CometInputSet Load(YamlFile archFile, string problemPath, string mappingPath, string constantsPath)
    {
        ArgumentNullException.ThrowIfNull(archFile);
        var arch = ArchitectureLoader.Parse(archFile);
        var constantsFile = YamlFile.Load(constantsPath);
        var constants = ConstantsLoader.Parse(constantsFile);
        var problemFile = YamlFile.Load(problemPath);
        var problem = ProblemLoader.Parse(problemFile, constants);
        var mappingFile = YamlFile.Load(mappingPath);
        var mapping = MappingLoader.Parse(mappingFile, arch, problem, constants);
        MappingValidator.Validate(arch, problem, mapping, mappingFile.FileName);
        var hashes = new Dictionary<string, string>
        {
            ["arch"] = archFile.Sha256!,
            ["problem"] = problemFile.Sha256!,
            ["mapping"] = mappingFile.Sha256!,
            ["constants"] = constantsFile.Sha256!,
        };
        return new CometInputSet(arch, problem, mapping, constants, hashes);
    }

    /// <summary>Loads a folder holding arch.yaml, problem.yaml, mapping.yaml and const.yaml.</summary>
    public static CometInputSet LoadFolder(string folder)
        => Load(Path.Combine(folder, "arch.yaml"), Path.Combine(folder, "problem.yaml"), Path.Combine(folder, "mapping.yaml"), Path.Combine(folder, "const.yaml"));

    /// <summary>Parses the four inputs from text (no hashes).</summary>
    public static CometInputSet Parse(string arch, string problem, string mapping, string constants)
    {
        var archSpec = ArchitectureLoader.Parse(arch);
        var table = ConstantsLoader.Parse(constants);
        var prob = ProblemLoader.Parse(problem, table);
        var map = MappingLoader.Parse(mapping, archSpec, prob, table);
        MappingValidator.Validate(archSpec, prob, map);
        return new CometInputSet(archSpec, prob, map, table, new Dictionary<string, string>());
    }
}
