using NUnit.Framework;

namespace Comet.Tests.Shared;

/// <summary>Gives each test a fresh temporary folder, deleted afterwards.</summary>
public abstract class TempFolderTest
{
    /// <summary>The current test's temporary folder.</summary>
    protected string Root { get; private set; } = null!;

    [SetUp]
    public void CreateRoot()
    {
        Root = Path.Combine(Path.GetTempPath(), $"comet-{GetType().Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    [TearDown]
    public void DeleteRoot()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
