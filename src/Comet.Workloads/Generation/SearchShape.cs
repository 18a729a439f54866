namespace Comet.Workloads.Generation;

/// <summary>A search's sizes, the preset's cluster and core meshes, the splits N takes over them, and the SIMD lanes.</summary>
/// <param name="M">Rows.</param>
/// <param name="N">Columns.</param>
/// <param name="K">Reduction length.</param>
/// <param name="ClusterMesh">The preset's cluster mesh.</param>
/// <param name="CoreMesh">The preset's core mesh in a cluster.</param>
/// <param name="Clusters">N's split over the clusters.</param>
/// <param name="Cores">N's split over a cluster's cores.</param>
/// <param name="Lanes">SIMD lanes per core.</param>
public sealed record SearchShape(long M, long N, long K, MeshSplit ClusterMesh, MeshSplit CoreMesh, MeshSplit Clusters, MeshSplit Cores, long Lanes);
