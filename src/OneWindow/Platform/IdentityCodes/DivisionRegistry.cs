using System.Collections.Frozen;
using System.Reflection;

namespace OneWindow.Platform.IdentityCodes;

/// <summary>One GB/T 2260 division (行政区划).</summary>
public sealed record Division(string Code, string Name, string? ParentCode, int Level, bool Current);

/// <summary>
/// GB/T 2260 divisions, shipped with the application: the current list (county level and above,
/// 2024-12-31) and every code used since 1981, because a resident ID keeps the code of the place
/// where it was issued even after that division was merged or renamed.
/// </summary>
public sealed class DivisionRegistry
{
    private readonly FrozenDictionary<string, Division> _current;
    private readonly FrozenDictionary<string, string> _historical;

    private DivisionRegistry(FrozenDictionary<string, Division> current, FrozenDictionary<string, string> historical)
    {
        _current = current;
        _historical = historical;
    }

    public static DivisionRegistry Shipped { get; } = Load();

    public IEnumerable<Division> All => _current.Values;

    public Division? Find(string code) => _current.GetValueOrDefault(code);

    /// <summary>A current county-level division (区县): where addresses and fee bands are checked.</summary>
    public bool IsCounty(string? code) => code is { Length: 6 } && Find(code) is { Level: 3 };

    /// <summary>
    /// A region the platform serves: a current division, or a township (乡镇、街道; 9 digits, GB/T 10114 style) under a current
    /// county — townships are not in the shipped list, so their names come from the departments that serve them.
    /// </summary>
    public bool IsKnownRegion(string? code) =>
        code is not null && (Find(code) is not null || (code.Length == 9 && code.All(char.IsAsciiDigit) && IsCounty(code[..6])));

    /// <summary>True when the code was a valid division at some time since 1981.</summary>
    public bool EverExisted(string code) => _current.ContainsKey(code) || _historical.ContainsKey(code);

    public IEnumerable<Division> Children(string code) => _current.Values.Where(d => d.ParentCode == code).OrderBy(d => d.Code);

    /// <summary>Full name from province down, e.g. 山东省滨州市滨城区; a withdrawn code gets its last name and a note.</summary>
    public string? FullName(string code)
    {
        if (_current.TryGetValue(code, out var division))
        {
            var parts = new List<string>();
            for (var d = division; d is not null; d = d.ParentCode is null ? null : Find(d.ParentCode))
            {
                parts.Insert(0, d.Name);
            }

            return string.Concat(parts);
        }

        return _historical.TryGetValue(code, out var name) ? name + "（已撤销或变更的区划）" : null;
    }

    private static DivisionRegistry Load()
    {
        var current = new Dictionary<string, Division>(StringComparer.Ordinal);
        foreach (var row in ReadCsv("divisions.csv").Skip(1))
        {
            // code,name,parent_code,level
            current[row[0]] = new Division(row[0], row[1], string.IsNullOrEmpty(row[2]) ? null : row[2],
                int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), true);
        }

        var historical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReadCsv("divisions_history.csv").Skip(1))
        {
            // 代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码
            var name = row[1] + (row[2] is "" or "直辖" or "省直辖" ? "" : row[2]) + (row[3] == row[1] || row[3] == row[2] ? "" : row[3]);
            historical.TryAdd(row[0], name);
        }

        return new DivisionRegistry(current.ToFrozenDictionary(), historical.ToFrozenDictionary());
    }

    private static IEnumerable<string[]> ReadCsv(string file)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        while (reader.ReadLine() is { } line)
        {
            // These files have no quoted fields.
            if (line.Length > 0)
            {
                yield return line.TrimStart('\uFEFF').Split(',');
            }
        }
    }
}
