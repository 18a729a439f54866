using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Comet.Reports.Tests")]
