namespace Comet.Workloads.Generation;

/// <summary>One node of a mapping tree the generator builds and <see cref="MappingYamlWriter"/> writes as COMET YAML.</summary>
public abstract record MappingNodeSpec;
