namespace Comet.Workloads.Generation;

/// <summary>What <c>comet presets</c> says about one preset: its meshes, buffer capacities, bandwidths and engines.</summary>
/// <param name="Name">The preset's name.</param>
/// <param name="Origin">Where its architecture comes from.</param>
/// <param name="ClusterMesh">Clusters as columns × rows (the cluster buffer's mesh).</param>
/// <param name="CoreMesh">Cores per cluster as columns × rows (the output buffer's mesh).</param>
/// <param name="ClusterBufferBytes">Capacity of one cluster buffer, bytes.</param>
/// <param name="InputBufferBytes">Capacity of one input buffer, bytes.</param>
/// <param name="WeightBufferBytes">Capacity of one weight buffer, bytes.</param>
/// <param name="OutputBufferBytes">Capacity of one output buffer, bytes.</param>
/// <param name="DramBytesPerCycle">DRAM bandwidth to the clusters, bytes per cycle.</param>
/// <param name="ClusterNocBytesPerCycle">Port bandwidth of the DRAM→cluster network, bytes per cycle.</param>
/// <param name="CoreNocBytesPerCycle">Port bandwidth of the cluster→core network, bytes per cycle.</param>
/// <param name="ClusterLinkBytesPerCycle">Link bandwidth between cluster buffers (collectives), bytes per cycle.</param>
/// <param name="GemmEngine">The GEMM engine: its model and array shape, e.g. <c>SystolicArray 8x8 of 32x32</c>.</param>
/// <param name="SimdLanes">Lanes of the SIMD engine.</param>
public sealed record PresetSummary(
    string Name,
    string Origin,
    string ClusterMesh,
    string CoreMesh,
    long ClusterBufferBytes,
    long InputBufferBytes,
    long WeightBufferBytes,
    long OutputBufferBytes,
    long DramBytesPerCycle,
    long ClusterNocBytesPerCycle,
    long CoreNocBytesPerCycle,
    long ClusterLinkBytesPerCycle,
    string GemmEngine,
    long SimdLanes)
{
    /// <summary>Summarises the preset named <paramref name="name"/>.</summary>
    public static PresetSummary Of(string name)
    {
        var arch = Presets.Arch(name);
        var roles = MachineRoles.Of(arch, Presets.FileName(name));
        var gemm = roles.Gemm.Compute!;
        var engine = gemm.Model == Hardware.Specs.ComputeModel.SystolicArray
            ? $"{gemm.Name} {gemm.ArraysPerRow}x{gemm.ArraysPerCol} of {gemm.ArrayRows}x{gemm.ArrayCols}"
            : $"{gemm.Name} ({gemm.Model}, {gemm.ComputeOpC} ops)";
        return new PresetSummary(
            name,
            Presets.Origins[name],
            $"{roles.Cluster.MeshX}x{roles.Cluster.MeshY}",
            $"{roles.Output.MeshX}x{roles.Output.MeshY}",
            roles.Cluster.CapacityBytes,
            roles.Input.CapacityBytes,
            roles.Weight.CapacityBytes,
            roles.Output.CapacityBytes,
            roles.Dram.Memory!.ChildReadBandwidth,
            roles.Dram.ChildNetworks[roles.Cluster.Id].PortBandwidth,
            roles.Cluster.ChildNetworks[roles.Output.Id].PortBandwidth,
            roles.Cluster.Memory!.LinkReadBandwidth,
            engine,
            roles.Simd.Compute!.ComputeWidth);
    }
}
