namespace Comet.Reports.Reproduce;

/// <summary>Finds the best case of an operation, shape and preset, fused or unfused: the one thing <c>comet reproduce</c> asks of a mapper.</summary>
public interface IBestCaseSource
{
    /// <summary>A word or two naming the source in reproduce.md (e.g. <c>default rule</c>).</summary>
    string Name { get; }

    /// <summary>The best case for <paramref name="query"/>.</summary>
    /// <exception cref="Hardware.Inputs.InputException">The shape cannot be tiled on the preset.</exception>
    BestCase Find(BestCaseQuery query);
}
