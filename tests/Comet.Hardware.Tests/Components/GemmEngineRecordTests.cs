using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

/// <summary>A batch of recorded runs counts exactly what the runs counted one by one (streaming leaves charge their invocations that way).</summary>
public class GemmEngineRecordTests
{
    [Test]
    public void RecordTimes_CountsThePrimitivesUnitsAndAccessesOfThatManyRecords()
    {
        var primitive = new GemmPrimitive(8 * 4 * 32, 3, StreamLength: 8, RowExtent: 32, ColumnExtent: 4);
        var oneByOneLedger = new EnergyLedger();
        var oneByOne = new SystolicArray(new Simulation(), new SystolicArrayParameters("GEMMEngine", 32, 32, 8, 8), oneByOneLedger, 0);
        var batchedLedger = new EnergyLedger();
        var batched = new SystolicArray(new Simulation(), new SystolicArrayParameters("GEMMEngine", 32, 32, 8, 8), batchedLedger, 0);

        for (var i = 0; i < 7; i++)
        {
            oneByOne.Record(primitive, 5);
        }

        batched.Record(primitive, 5, times: 7);

        // 7 runs of 5 primitives of 8·4·32 = 1024 MACs: 35 primitives, 35 840 MAC units, one access per run.
        Assert.That(batched.Primitives, Is.EqualTo(35).And.EqualTo(oneByOne.Primitives));
        Assert.That(batchedLedger.Accounts.Single().Units, Is.EqualTo(35 * 1024).And.EqualTo(oneByOneLedger.Accounts.Single().Units));
        Assert.That(batchedLedger.Accounts.Single().Accesses, Is.EqualTo(7).And.EqualTo(oneByOneLedger.Accounts.Single().Accesses));
        Assert.That(batchedLedger.Total, Is.EqualTo(oneByOneLedger.Total));
    }
}
