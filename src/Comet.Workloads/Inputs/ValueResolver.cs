using Comet.Hardware.Inputs;

namespace Comet.Workloads.Inputs;

/// <summary>Resolves mapping/problem values that may name a constant, raising positioned errors.</summary>
internal sealed class ValueResolver(YamlFile file, ConstantTable constants)
{
    public YamlFile File => file;

    public ConstantTable Constants => constants;

    /// <summary>When set, every name looked up in the constant table is appended here (what a <see cref="MappingNodeCache"/> keys a node by).</summary>
    public List<string>? Consulted { get; set; }

    /// <summary>Resolves an integer value or constant name; zero and negatives are rejected unless allowed.</summary>
    public long Integer(string text, YamlNode at, string path, bool allowZero = false)
    {
        text = text.Trim();
        long? value;
        ConstantValue? named = null;
        Consulted?.Add(text);
        if (constants.TryGet(text, out var constant))
        {
            named = constant;
            value = YamlFile.ParseInt64(constant.Text);
            if (value is null)
            {
                throw file.Error(at, path, $"constant {Shown(text, named)} is not an integer ({YamlFile.IntegerProblem(constant.Text)})");
            }
        }
        else
        {
            value = YamlFile.ParseInt64(text);
            if (value is null)
            {
                if (text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_'))
                {
                    throw file.Error(at, path, $"unknown constant '{text}'", NameHints.DidYouMean(text, constants.Values.Keys));
                }

                throw file.Error(at, path, YamlFile.IntegerProblem(text));
            }
        }

        if (value < 0 || (!allowZero && value == 0))
        {
            throw file.Error(at, path, $"{Shown(text, named)} must be positive");
        }

        if (value > uint.MaxValue)
        {
            throw file.Error(at, path, $"{Shown(text, named)} exceeds the tool's 32-bit field (max {uint.MaxValue})");
        }

        return value.Value;
    }

    // How an error shows the value: "NAME = text" for a constant, else the text (built only when there is an error).
    private static string Shown(string text, ConstantValue? constant) => constant is null ? text : $"{text} = {constant.Text}";

    /// <summary>Resolves a string that may name a constant.</summary>
    public string Text(string text)
    {
        var name = text.Trim();
        Consulted?.Add(name);
        return constants.TryGet(name, out var c) ? c.Text : name;
    }
}
