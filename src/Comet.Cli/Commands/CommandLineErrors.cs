using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Comet.Cli.Commands;

/// <summary>Words a command-line parse failure as one line a person can act on (no .NET type names).</summary>
public static class CommandLineErrors
{
    /// <summary>The line printed after <c>error: </c> for a parse that failed: every missing required option at once, else the first bad value.</summary>
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var missing = parse.CommandResult.Command.Options.Where(o => o.Required && parse.GetResult(o) is not { IdentifierTokenCount: > 0 }).Select(o => o.Name).ToList();
        if (missing.Count > 0)
        {
            return missing.Count == 1 ? $"missing required option {missing[0]}" : $"missing required options {string.Join(", ", missing)}";
        }

        foreach (var error in parse.Errors)
        {
            var optionResult = error.SymbolResult switch
            {
                OptionResult o => o,
                ArgumentResult { Parent: OptionResult o } => o,
                _ => null,
            };
            if (optionResult is not null && ValueProblem(optionResult) is { } problem)
            {
                return problem;
            }
        }

        return parse.Errors[0].Message;
    }

    // The option as the user typed it (an alias stays an alias) and what is wrong with its value, or null when the library's words must stand.
    private static string? ValueProblem(OptionResult result)
    {
        var name = result.IdentifierToken?.Value ?? result.Option.Name;
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
        var type = Nullable.GetUnderlyingType(result.Option.ValueType) ?? result.Option.ValueType;
        if (token is null)
        {
            return type == typeof(bool) ? null : $"{name}: needs a value";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return $"{name}: '{token}' is not a whole number";
            }

            var (min, max) = type == typeof(int) ? (int.MinValue, int.MaxValue) : (long.MinValue, long.MaxValue);
            if (whole > max)
            {
                return $"{name}: '{token}' is too large (at most {max.ToString(CultureInfo.InvariantCulture)})";
            }

            return whole < min ? $"{name}: '{token}' is too small (at least {min.ToString(CultureInfo.InvariantCulture)})" : null;
        }

        if (type == typeof(double) && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return $"{name}: '{token}' is not a number";
        }

        if (type == typeof(bool) && !bool.TryParse(token, out _))
        {
            return $"{name}: '{token}' is not true or false";
        }

        return null;
    }
}
