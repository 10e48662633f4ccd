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
            f.Excludes ?? [])).ToList();
        var unknown = funds.SelectMany(f => f.Excludes).Where(c => funds.All(f => f.Code != c)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"{path}：excludes 中有未定义的资金代码：{string.Join("、", unknown)}");
        return new FundCatalog(funds);
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
    }
}
