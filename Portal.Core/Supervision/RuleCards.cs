using Portal.Core.Funds;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Portal.Core.Supervision;

/// <summary>One rule as a reviewer reads it in content/supervision/rules.yaml.</summary>
public sealed record RuleCard(string Code, string Title, ClueLevel Level, IReadOnlySet<string> Funds, bool AllFunds, int Version, string Description)
{
    public bool AppliesTo(string fundCode) => AllFunds || Funds.Contains(fundCode);
}

/// <summary>The rule cards, each checked against the fund catalogue and paired with its one implementation in <see cref="ClueRules"/>.</summary>
public sealed class RuleCards
{
    public const string AllFunds = "all";

    private RuleCards(IReadOnlyList<(RuleCard Card, IClueRule Rule)> rules) => Rules = rules;

    public IReadOnlyList<(RuleCard Card, IClueRule Rule)> Rules { get; }

    public RuleCard? ByCode(string code) => Rules.FirstOrDefault(r => r.Card.Code == code).Card;

    /// <summary>The title pages show for a clue's rule; the code itself for a rule no longer on the cards.</summary>
    public string Title(string code) => ByCode(code)?.Title ?? code;

    public static RuleCards Load(string path, FundCatalog funds)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"缺少数据碰撞规则卡：{path}", path);
        CardFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<CardFile>(File.ReadAllText(path));
        }
        catch (YamlException e) { throw new InvalidDataException($"{path}：第 {e.Start.Line} 行无法解析（{e.Message}）。", e); }
        var cards = (file?.Rules ?? []).Select(c => Card(c, path, funds)).ToList();
        var implementations = ClueRules.All.ToDictionary(r => r.Code);
        if (cards.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new InvalidDataException($"{path}：规则 {twice.Key} 出现了两次。");
        if (cards.FirstOrDefault(c => !implementations.ContainsKey(c.Code)) is { } unknown)
            throw new InvalidDataException($"{path}：规则 {unknown.Code} 没有实现（已实现的规则：{string.Join("、", implementations.Keys)}）。");
        if (implementations.Keys.FirstOrDefault(code => cards.All(c => c.Code != code)) is { } missing)
            throw new InvalidDataException($"{path}：缺少规则 {missing} 的规则卡。");
        return new RuleCards(cards.Select(c => (c, implementations[c.Code])).ToList());
    }

    private static RuleCard Card(CardEntry c, string path, FundCatalog funds)
    {
        var code = string.IsNullOrWhiteSpace(c.Code) ? throw new InvalidDataException($"{path}：有一条规则缺少 code。") : c.Code.Trim();
        string Required(string? value, string field) => string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{path}：规则 {code} 缺少 {field}。") : value.Trim();
        var level = Required(c.Level, "level") switch
        {
            "red" => ClueLevel.Red,
            "yellow" => ClueLevel.Yellow,
            var other => throw new InvalidDataException($"{path}：规则 {code} 的 level 应为 red 或 yellow，现在是“{other}”。"),
        };
        var codes = c.Funds ?? [];
        if (codes.Count == 0) throw new InvalidDataException($"{path}：规则 {code} 缺少 funds（资金代码，或 all）。");
        var all = codes.Contains(AllFunds);
        if (codes.FirstOrDefault(f => f != AllFunds && funds.ByCode(f) is null) is { } bad)
            throw new InvalidDataException($"{path}：规则 {code} 的资金代码 {bad} 不在资金目录（content/funds.yaml）中。");
        if (c.Version < 1) throw new InvalidDataException($"{path}：规则 {code} 的 version 应为正整数。");
        return new RuleCard(code, Required(c.Title, "title"), level, codes.Where(f => f != AllFunds).ToHashSet(), all, c.Version, Required(c.Description, "description"));
    }

    private sealed class CardFile
    {
        public List<CardEntry>? Rules { get; set; }
    }

    private sealed class CardEntry
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Level { get; set; }
        public List<string>? Funds { get; set; }
        public int Version { get; set; }
        public string? Description { get; set; }
    }
}
