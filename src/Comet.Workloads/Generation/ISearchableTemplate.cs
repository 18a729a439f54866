using Comet.Workloads.Search;

namespace Comet.Workloads.Generation;

/// <summary>A compound template that <c>comet search</c> can search: it states its tiling space and turns a tiling into constants and a case folder.</summary>
public interface ISearchableTemplate
{
    /// <summary>The search of <paramref name="request"/>'s operation, shape and preset: the authors' space (N fixed to the meshes, K split only at the core, loop orders fixed), or with <paramref name="wide"/> N and K free at every level and the temporal loops' orders permuted.</summary>
    /// <exception cref="Hardware.Inputs.InputException">The shape cannot be tiled on the preset.</exception>
    SearchSetup Searchable(GenerationRequest request, bool wide);
}
