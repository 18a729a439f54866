using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Comet.Hardware.Tests")]
