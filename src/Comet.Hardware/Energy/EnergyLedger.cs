namespace Comet.Hardware.Energy;

/// <summary>All access accounts of one simulated machine; sums them per component for the report.</summary>
public sealed class EnergyLedger
{
    private readonly List<AccessAccount> _accounts = [];

    /// <summary>Every account, in creation order.</summary>
    public IReadOnlyList<AccessAccount> Accounts => _accounts;

    /// <summary>Creates and registers an account.</summary>
    public AccessAccount Open(string component, string kind, double picojoulesPerBlock, long blockBytes = 1)
    {
        var account = new AccessAccount(component, kind, picojoulesPerBlock, blockBytes);
        _accounts.Add(account);
        return account;
    }

    /// <summary>Energy per component, pJ, sorted by component name.</summary>
    public SortedDictionary<string, double> ByComponent()
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var a in _accounts)
        {
            result[a.Component] = result.GetValueOrDefault(a.Component) + a.Picojoules;
        }

        return result;
    }

    /// <summary>Units counted per component and kind (e.g. <c>DRAM/child_read</c> → bytes), sorted.</summary>
    public SortedDictionary<string, long> UnitsByKind()
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var a in _accounts)
        {
            var key = $"{a.Component}/{a.Kind}";
            result[key] = result.GetValueOrDefault(key) + a.Units;
        }

        return result;
    }

    /// <summary>Total energy of all accounts, pJ.</summary>
    public double Total => _accounts.Sum(a => a.Picojoules);
}
