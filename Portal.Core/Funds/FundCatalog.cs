using Portal.Core.Ingest;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Portal.Core.Funds;

/// <summary>The funds of content/funds.yaml, found by code, name or any alias a department uses.</summary>
public sealed class FundCatalog
{
    private readonly Dictionary<string, Fund> _byCode;
    private readonly Dictionary<string, Fund> _byName = new();

    public FundCatalog(IEnumerable<Fund> funds)
    {
        All = funds.ToList();
        _byCode = All.ToDictionary(f => f.Code);
        foreach (var fund in All)
            foreach (var name in fund.Aliases.Append(fund.Name).Append(fund.Code))
                _byName[Key(name)] = fund;
    }

    public IReadOnlyList<Fund> All { get; }

    public Fund? ByCode(string? code) => code is not null && _byCode.TryGetValue(code, out var f) ? f : null;

    /// <summary>Finds a fund by the name a department export uses for it.</summary>
    public Fund? Match(string? name) => string.IsNullOrWhiteSpace(name) ? null : _byName.GetValueOrDefault(Key(name));

    /// <summary>Whether one person may not receive both funds in the same period (either side may declare it).</summary>
    public bool Exclusive(Fund a, Fund b) => a.Excludes.Contains(b.Code) || b.Excludes.Contains(a.Code);

    private static string Key(string name) => CellText.Normalize(name).Replace(" ", "");

    public static FundCatalog Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"缺少资金目录：{path}", path);
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<FundFile>(File.ReadAllText(path));
        var funds = (file?.Funds ?? []).Select(f => new Fund(
            Required(f.Code, "code", path), Required(f.Name, "name", path), f.Aliases ?? [], f.Department ?? "",
            f.MaxAmount > 0 ? f.MaxAmount : throw new InvalidDataException($"{path}：资金 {f.Code} 的 maxAmount 必须大于 0"),
            f.PublicationMonths > 0 ? f.PublicationMonths : throw new InvalidDataException($"{path}：资金 {f.Code} 的 publicationMonths 必须大于 0"),
            f.Excludes ?? [], Schedule(f, path))).ToList();
        var unknown = funds.SelectMany(f => f.Excludes).Where(c => funds.All(f => f.Code != c)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"{path}：excludes 中有未定义的资金代码：{string.Join("、", unknown)}");
        return new FundCatalog(funds);
    }

    /// <summary>Every fund says how often it is published and by when: the public record counts what is late from it.</summary>
    private static FundSchedule Schedule(FundEntry f, string path)
    {
        var frequency = f.Frequency?.Trim().ToLowerInvariant() switch
        {
            "monthly" => FundFrequency.Monthly,
            "quarterly" => FundFrequency.Quarterly,
            "yearly" => FundFrequency.Yearly,
            _ => throw new InvalidDataException($"{path}：资金 {f.Code} 的 frequency 必须是 monthly（按月）、quarterly（按季度）或 yearly（按年），现在是“{f.Frequency}”"),
        };
        if (f.Due is not { } due) throw new InvalidDataException($"{path}：资金 {f.Code} 缺少 due（公开期限，如 {{monthsAfter: 1, day: 15}} 表示次月15日前）");
        if (due.MonthsAfter is < 0 or > FundSchedule.MaxMonthsAfter)
            throw new InvalidDataException($"{path}：资金 {f.Code} 的 due.monthsAfter 必须在 0 到 {FundSchedule.MaxMonthsAfter} 之间（所属期结束后第几个月）");
        if (due.Day is < 1 or > 31) throw new InvalidDataException($"{path}：资金 {f.Code} 的 due.day 必须在 1 到 31 之间（当月几日前）");
        return new FundSchedule(frequency, due.MonthsAfter, due.Day);
    }

    private static string Required(string? value, string field, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{path}：资金缺少 {field}") : value;

    private sealed class FundFile
    {
        public List<FundEntry>? Funds { get; set; }
    }

    private sealed class FundEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public List<string>? Aliases { get; set; }
        public string? Department { get; set; }
        public decimal MaxAmount { get; set; }
        public int PublicationMonths { get; set; }
        public List<string>? Excludes { get; set; }
        public string? Frequency { get; set; }
        public DueEntry? Due { get; set; }
    }

    private sealed class DueEntry
    {
        public int MonthsAfter { get; set; } = -1;
        public int Day { get; set; }
    }
}
