using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Comet.Workloads.Tests")]
