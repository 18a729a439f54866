using System.Text;
using Comet.Hardware.Inputs;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Inputs;

public class YamlTextTests
{
    [TestCase("a: 1\n\tb\r\n\u0085c: \u00A0\u00E9\u4E2D\n")]
    [TestCase("")]
    public void RejectControlCharacters_TabsLineEndsAndPrintableText_Pass(string text)
        => Assert.DoesNotThrow(() => YamlText.RejectControlCharacters(text, "x.yaml"));

    // Every character YAML forbids, each alone in an otherwise clean file, is reported at its own line and column.
    [TestCase(0x0000)]
    [TestCase(0x0008)]
    [TestCase(0x000B)]
    [TestCase(0x000C)]
    [TestCase(0x001F)]
    [TestCase(0x007F)]
    [TestCase(0x0080)]
    [TestCase(0x0084)]
    [TestCase(0x0086)]
    [TestCase(0x009F)]
    [TestCase(0xFFFE)]
    [TestCase(0xFFFF)]
    public void RejectControlCharacters_AForbiddenCharacter_IsReportedWhereItIs(int code)
    {
        var c = (char)code;
        var error = Assert.Throws<InputException>(() => YamlText.RejectControlCharacters($"a: 1\nbb{c}: 2\n", "x.yaml"))!;
        Assert.That((error.Line, error.Column, error.Problem), Is.EqualTo((2L, 3L, $"control character U+{(int)c:X4} is not allowed in YAML; the file looks binary, not text")));
    }

    [Test]
    public void RejectControlCharacters_SeveralForbidden_TheFirstIsReported()
    {
        // U+FFFE is found by a search of its own; the earlier C0 character must still win, and the other way round.
        var first = Assert.Throws<InputException>(() => YamlText.RejectControlCharacters("a\u0001b\uFFFE", "x.yaml"))!;
        var second = Assert.Throws<InputException>(() => YamlText.RejectControlCharacters("a\uFFFEb\u0001", "x.yaml"))!;
        Assert.That((first.Column, second.Column), Is.EqualTo((2L, 2L)));
        Assert.That(second.Problem, Does.StartWith("control character U+FFFE"));
    }

    [Test]
    public void Decode_ValidUtf8_IsTheText()
        => Assert.That(YamlText.Decode(Encoding.UTF8.GetBytes("é: 中\n"), "x.yaml"), Is.EqualTo("é: 中\n"));

    [Test]
    public void Decode_InvalidByte_IsReportedAtItsLineAndColumn()
    {
        // "é" is two bytes but one column; the stray 0xFF after it is column 3 of line 2.
        byte[] bytes = [.. "a: 1\n"u8, .. "\u00E9b"u8.ToArray(), 0xFF, .. "\n"u8];
        var error = Assert.Throws<InputException>(() => YamlText.Decode(bytes, "x.yaml"))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((2L, 3L)));
        Assert.That(error.Problem, Does.StartWith("not UTF-8 text (byte 0xFF)"));
    }
}
