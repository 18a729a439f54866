using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Comet.Sim.Tests")]
