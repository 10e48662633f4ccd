using System.Globalization;
using Portal.Core.Ingest;

namespace Portal.Core.Supervision;

/// <summary>A payment and a reference row of the same person (same <see cref="PaymentSubject.PersonKey"/>), as a rule reads them.</summary>
public sealed record ReferenceMatch(int Period, ReferenceKind Kind, DateOnly? Date, string Detail, string? Relation);

/// <summary>What one rule card means: the list it reads and, for a match on it, why it fires (null when it does not).</summary>
public interface IClueRule
{
    string Code { get; }
    ReferenceKind Kind { get; }
    string? Reason(ReferenceMatch match);
}

/// <summary>The implementations of the rule cards (content/supervision/rules.yaml), one per code.</summary>
public static class ClueRules
{
    public static IReadOnlyList<IClueRule> All { get; } = [new Deceased(), new Official(), new OfficialRelative(), new Vehicle(), new Business()];

    /// <summary>Paid for a month after the month of death; the month of death itself may be paid.</summary>
    private sealed class Deceased : IClueRule
    {
        public string Code => "deceased";
        public ReferenceKind Kind => ReferenceKind.Deceased;
        public string? Reason(ReferenceMatch m) =>
            m.Date is { } died && m.Period > died.Year * 100 + died.Month ? $"死亡日期 {died.ToString("yyyy-MM", CultureInfo.InvariantCulture)}" : null;
    }

    /// <summary>The official himself: the detail holds his unit and post.</summary>
    private sealed class Official : IClueRule
    {
        public string Code => "official";
        public ReferenceKind Kind => ReferenceKind.Officials;
        public string? Reason(ReferenceMatch m) => m.Relation is null ? m.Detail : null;
    }

    /// <summary>A close relative of a listed official; the detail holds the official's unit and post.</summary>
    private sealed class OfficialRelative : IClueRule
    {
        public string Code => "official-relative";
        public ReferenceKind Kind => ReferenceKind.Officials;
        public string? Reason(ReferenceMatch m) =>
            m.Relation is { } relation && CloseRelatives.Includes(relation) ? $"关系 {relation}（{m.Detail}）" : null;
    }

    /// <summary>A car registered in the recipient's name; motorcycles, tractors and farm vehicles are not cars.</summary>
    private sealed class Vehicle : IClueRule
    {
        public string Code => "vehicle";
        public ReferenceKind Kind => ReferenceKind.Vehicles;
        public string? Reason(ReferenceMatch m) => VehicleTypes.IsCar(m.Detail)
            ? $"车辆类型 {m.Detail}" + (m.Date is { } d ? $"，初次登记 {d.ToString("yyyy-MM", CultureInfo.InvariantCulture)}" : "")
            : null;
    }

    /// <summary>Legal representative or shareholder of a company.</summary>
    private sealed class Business : IClueRule
    {
        public string Code => "business";
        public ReferenceKind Kind => ReferenceKind.Businesses;
        public string? Reason(ReferenceMatch m) =>
            m.Detail.Contains("法定代表人", StringComparison.Ordinal) || m.Detail.Contains("股东", StringComparison.Ordinal) ? m.Detail : null;
    }
}

/// <summary>近亲属 as the rule reads 与本人关系: spouse, parents, children, siblings, grandparents and grandchildren on either side, as clerks write them.</summary>
public static class CloseRelatives
{
    private static readonly HashSet<string> Relations =
    [
        "配偶", "妻子", "丈夫", "妻", "夫", "爱人", "老婆", "老公", "夫妻",
        "父母", "父亲", "母亲", "父", "母", "爸爸", "妈妈", "养父", "养母", "继父", "继母",
        "子女", "儿子", "女儿", "子", "女", "长子", "次子", "三子", "长女", "次女", "三女", "独生子", "独生女", "养子", "养女", "继子", "继女",
        "兄弟姐妹", "兄弟", "姐妹", "兄妹", "姐弟", "哥哥", "弟弟", "姐姐", "妹妹", "兄", "弟", "姐", "妹",
        "祖父母", "祖父", "祖母", "爷爷", "奶奶",
        "外祖父母", "外祖父", "外祖母", "外公", "外婆", "姥爷", "姥姥",
        "孙子女", "孙子", "孙女", "外孙子女", "外孙", "外孙子", "外孙女",
    ];

    public static bool Includes(string relation) => Relations.Contains(CellText.Compact(relation).TrimStart('之'));
}

/// <summary>Which 车辆类型 of a registration is a car: 客车 and 货车 of any size count; motorcycles, tractors, low-speed and three-wheeled vehicles do not.</summary>
public static class VehicleTypes
{
    private static readonly string[] NotCars = ["摩托", "拖拉机", "农用", "低速", "三轮", "挂车", "轮式", "电动自行车", "残疾人"];
    private static readonly string[] Cars = ["轿车", "客车", "越野", "面包车", "货车", "皮卡", "旅居车", "汽车", "SUV", "MPV"];

    public static bool IsCar(string vehicleType)
    {
        var type = CellText.Compact(vehicleType).ToUpperInvariant();
        return !NotCars.Any(n => type.Contains(n, StringComparison.Ordinal)) && Cars.Any(c => type.Contains(c, StringComparison.Ordinal));
    }
}
