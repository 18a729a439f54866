using System.Text;
using Comet.Hardware.Inputs;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Inputs;

public class YamlFileTests
{
    [Test]
    public void Load_HashesTheBytesItParsed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"yamlfile-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "a: 1\n");
        try
        {
            var file = YamlFile.Load(path);

            // sha256sum of the five bytes "a: 1\n".
            Assert.That(file.Sha256, Is.EqualTo("37b128c59f1f5097f73f82691cb519f1f568667faab5ced1b4ab979d36837eae"));
            Assert.That(file.AsInt64(YamlFile.Find(file.Root, "a")!, "a"), Is.EqualTo(1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_Utf8ByteOrderMark_IsNotPartOfTheFirstKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"yamlfile-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. "key: 7\n"u8.ToArray()]);
        try
        {
            var file = YamlFile.Load(path);

            Assert.That(YamlFile.Find(file.Root, "key"), Is.Not.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Parse_TextHasNoHash()
        => Assert.That(YamlFile.Parse("a: 1\n", "x.yaml").Sha256, Is.Null);
}
