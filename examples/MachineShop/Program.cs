using System.Globalization;
using Comet.Examples.MachineShop;

// Prints what the two-machine shop made in 100 cycles: `dotnet run --project examples/MachineShop`.
var result = MachineShop.Run();
for (var i = 0; i < result.Parts.Count; i++)
    Console.WriteLine($"machine[{i}]: {result.Parts[i]} parts, finished at {string.Join(", ", result.FinishTimes[i])}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"repairman utilization: {result.RepairmanUtilization:P0}"));
