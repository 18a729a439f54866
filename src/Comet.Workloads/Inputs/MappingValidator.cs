using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Collectives;

namespace Comet.Workloads.Inputs;

/// <summary>
/// The tool's mapping checks (reference-model §3.4), reported as <see cref="InputException"/>s:
/// factor products must equal the problem sizes at the root, and the tiles held at each temporal level must fit its buffer.
/// </summary>
public static class MappingValidator
{
    /// <summary>Validates a mapping; <paramref name="mappingFile"/> names mapping.yaml in errors.</summary>
    public static void Validate(ArchitectureSpec arch, Problem problem, Mapping mapping, string mappingFile = "mapping.yaml")
    {
        var state = new State(arch, problem, mapping, mappingFile);
        state.Visit(mapping.Root);
        state.CheckCapacity();
    }

    /// <summary>The binding that governs a node: the binding on its left, with the tool's reading of the node two places left for a last child.</summary>
    public static BindingKind BindingOf(Mapping mapping, MappingNode node)
    {
        var parent = mapping.Parent(node);
        if (parent is null || parent.Children.Count == 1)
        {
            return BindingKind.None;
        }

        var children = parent.Children;
        var position = -1;
        for (var i = 0; i < children.Count; i++)
        {
            if (ReferenceEquals(children[i], node))
            {
                position = i;
                break;
            }
        }

        var left = position == children.Count - 1 ? position - 2 : position - 1;
        return left < 0 ? BindingKind.None : ToolQuirks.ReadAsBinding(children[left]);
    }

    private sealed class State(ArchitectureSpec arch, Problem problem, Mapping mapping, string file)
    {
        // (tensor, tag) -> dim -> accumulated size; SortedDictionary on tag keeps the tool's alphabetical lookup order.
        private readonly Dictionary<int, SortedDictionary<string, Dictionary<int, long>>> sizes = new();
        private readonly Dictionary<string, long> occupancy = new();
        private readonly Dictionary<string, MappingNode> occupancyNode = new();

        private Dictionary<int, long> SizeOf(int tensor, string tag)
        {
            if (!sizes.TryGetValue(tensor, out var byTag))
            {
                byTag = new SortedDictionary<string, Dictionary<int, long>>(StringComparer.Ordinal);
                sizes[tensor] = byTag;
            }

            if (!byTag.TryGetValue(tag, out var dims))
            {
                dims = new Dictionary<int, long>();
                byTag[tag] = dims;
            }

            return dims;
        }

        public void Visit(MappingNode node)
        {
            switch (node)
            {
                case DataMovementTileNode tile:
                    foreach (var child in tile.Children)
                    {
                        Visit(child);
                    }

                    Accumulate(tile);
                    break;
                case OperationNode op:
                    foreach (var (tensor, steps) in op.TileSteps)
                    {
                        sizes.TryGetValue(tensor, out _);
                        var dims = SizeOf(tensor, op.OperationName);
                        dims.Clear();
                        foreach (var (d, v) in steps)
                        {
                            dims[d] = v;
                        }
                    }

                    break;
                case CollectiveOperationNode col:
                    VisitCollective(col);
                    break;
            }
        }

        private void VisitCollective(CollectiveOperationNode col)
        {
            var parent = mapping.Parent(col)!;
            Dictionary<int, long>? found = null;
            foreach (var sibling in parent.Children)
            {
                if (ReferenceEquals(sibling, col) || found is not null)
                {
                    break;
                }

                if (sibling is DataMovementTileNode dm && dm.Entries.Any(e => e.TensorId == col.InputTensorId) && sizes.TryGetValue(col.InputTensorId, out var byTag) && byTag.Count > 0)
                {
                    found = byTag.First().Value;
                }
            }

            if (found is null)
            {
                throw new InputException(file, col.KeyPath + ".in_tensor", $"no DataMovement_Tile left of the collective produces tensor '{problem.TensorNames[col.InputTensorId]}'", col.Line, col.Column);
            }

            var result = new Dictionary<int, long>(found);
            var src = CollectiveTileRule.Instances(arch, col.SourceLevelIds);
            var dst = CollectiveTileRule.Instances(arch, col.DestinationLevelIds);
            if (result.TryGetValue(col.DimensionId, out var extent))
            {
                // Truncated to long here, to uint in the loop-nest analysis: they differ only for shares of 2^32 elements or more.
                result[col.DimensionId] = CollectiveTileRule.ChangeOf(col.Kind) switch
                {
                    CollectiveExtentChange.GrowsBySources => CollectiveTileRule.Gathered(extent, src),
                    CollectiveExtentChange.SplitsByDestinations => (long)CollectiveTileRule.Share(extent, dst),
                    _ => extent,
                };
            }

            var target = SizeOf(col.InputTensorId, col.Tag);
            target.Clear();
            foreach (var (d, v) in result)
            {
                target[d] = v;
            }
        }

        private void Accumulate(DataMovementTileNode tile)
        {
            for (var e = 0; e < tile.Entries.Count; e++)
            {
                var entry = tile.Entries[e];
                var dims = SizeOf(entry.TensorId, entry.Tag);
                foreach (var line in entry.Factors)
                {
                    foreach (var (d, f) in line)
                    {
                        dims.TryGetValue(d, out var current);
                        if (current != 0 && f > long.MaxValue / current)
                        {
                            throw new InputException(file, tile.KeyPath + ".factors",
                                $"the {problem.DimensionNames[d]} tile of tensor {problem.TensorNames[entry.TensorId]} overflows 64 bits ({current} x {f})", tile.Line, tile.Column);
                        }

                        dims[d] = current * f;
                        var total = problem.DimensionSizes[d];
                        if (dims[d] > 0 && total % dims[d] != 0)
                        {
                            throw new InputException(file, tile.KeyPath + ".factors",
                                $"{problem.DimensionNames[d]}={f} gives a {problem.DimensionNames[d]} tile of {dims[d]} for tensor {problem.TensorNames[entry.TensorId]} ({entry.Tag}), which does not divide {total}",
                                tile.Line, tile.Column);
                        }
                    }
                }
            }

            if (tile.ParentIndex < 0)
            {
                CheckRoot(tile);
                return;
            }

            if (tile.IsSpatial)
            {
                return;
            }

            var binding = BindingOf(mapping, tile);
            if (binding == BindingKind.None)
            {
                binding = BindingOf(mapping, mapping.Parent(tile)!);
            }

            var perTensor = new Dictionary<(int Tensor, string Level), long>();
            var order = new List<(int Tensor, string Level)>();
            foreach (var entry in tile.Entries)
            {
                var op = problem.FindOperation(entry.Tag);
                if (op is null || !op.Projections.TryGetValue(entry.TensorId, out var projection))
                {
                    continue;
                }

                var dims = SizeOf(entry.TensorId, entry.Tag);
                long elements = 1;
                foreach (var rank in projection.Ranks)
                {
                    long extent = 0;
                    foreach (var d in rank)
                    {
                        dims.TryGetValue(d, out var v);
                        extent += v;
                    }

                    elements *= extent;
                }

                var bytes = elements * (double)((float)entry.PrecisionBits / 8.0);
                var key = (entry.TensorId, arch.Levels[entry.TargetLevelId].Name);
                if (perTensor.TryGetValue(key, out var existing))
                {
                    perTensor[key] = (long)Math.Max(existing, bytes);
                }
                else
                {
                    perTensor[key] = (long)bytes;
                    order.Add(key);
                }
            }

            var perLevel = new Dictionary<string, long>();
            foreach (var key in order)
            {
                perLevel.TryGetValue(key.Level, out var v);
                perLevel[key.Level] = v + perTensor[key];
            }

            foreach (var (level, bytes) in perLevel)
            {
                if (occupancy.TryGetValue(level, out var current) && binding != BindingKind.None)
                {
                    if (binding == BindingKind.Sequential)
                    {
                        occupancy[level] = Math.Max(current, bytes);
                    }
                    else if (binding == BindingKind.Pipeline)
                    {
                        occupancy[level] = current + bytes;
                    }
                }
                else
                {
                    occupancy[level] = current + bytes;
                }

                if (occupancy[level] != current)
                {
                    occupancyNode[level] = tile;
                }
            }
        }

        private void CheckRoot(DataMovementTileNode root)
        {
            foreach (var entry in root.Entries)
            {
                foreach (var (d, v) in SizeOf(entry.TensorId, entry.Tag))
                {
                    if (v != problem.DimensionSizes[d])
                    {
                        throw new InputException(file, root.KeyPath + ".factors",
                            $"the {problem.DimensionNames[d]} factors of tensor {problem.TensorNames[entry.TensorId]} ({entry.Tag}) multiply to {v} but {problem.DimensionNames[d]}={problem.DimensionSizes[d]}",
                            root.Line, root.Column, "the tile steps times all factors on the tensor's chain must equal the dimension size");
                    }
                }
            }
        }

        public void CheckCapacity()
        {
            foreach (var level in arch.Levels.OrderBy(l => l.Name, StringComparer.Ordinal))
            {
                if (level.Name == "DRAM" || !occupancy.TryGetValue(level.Name, out var requested))
                {
                    continue;
                }

                if (requested > level.CapacityBytes)
                {
                    var node = occupancyNode[level.Name];
                    throw new InputException(file, node.KeyPath + ".factors",
                        $"tiles need {requested} B in {level.Name} but it holds {level.CapacityBytes} B",
                        node.Line, node.Column, "reduce the tile factors or enlarge the buffer's depth");
                }
            }
        }
    }
}
