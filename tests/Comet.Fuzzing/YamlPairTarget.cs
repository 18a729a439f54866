namespace Comet.Fuzzing;

/// <summary>A key/value pair of a YAML mapping, located in the text.</summary>
/// <param name="Path">Key path, e.g. <c>mapping.subtree[0].factors</c>.</param>
/// <param name="Key">The key's text.</param>
/// <param name="KeyStart">Character index where the key starts.</param>
/// <param name="ValueEnd">Character index where the value ends.</param>
/// <param name="Line">1-based line of the key.</param>
/// <param name="Column">1-based column of the key.</param>
/// <param name="InFlow">True inside a flow mapping (<c>{a: 1}</c>), where pairs are not whole lines.</param>
/// <param name="KeyPlain">True when the key is a plain (unquoted) scalar whose text can be edited in place.</param>
public sealed record YamlPairTarget(string Path, string Key, int KeyStart, int ValueEnd, long Line, long Column, bool InFlow, bool KeyPlain);
