using System.Text.RegularExpressions;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Ingest;

/// <summary>What validating one file found: the payments fit to publish, the rows held back, and the partitions the file covers.</summary>
public sealed record FileValidation(
    string Path,
    Region? County,
    int RowsRead,
    IReadOnlyList<ValidPayment> Payments,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<Rejection> Warnings,
    IReadOnlyCollection<PartitionKey> Partitions)
{
    public string FileName => System.IO.Path.GetFileName(Path);
    public int RowsRejected => Rejections.Select(r => r.Row).Distinct().Count();
    public decimal AmountPublished => Payments.Sum(p => p.Amount);

    /// <summary>Rows held back per partition, for the publication record (rows whose village, fund or period could not be read are in no partition).</summary>
    public IReadOnlyDictionary<PartitionKey, int> RejectedRows { get; init; } = new Dictionary<PartitionKey, int>();

    /// <summary>The counties the rows' region codes name, whether or not the rows passed (a department may publish only its own).</summary>
    public IReadOnlySet<string> CountiesNamed { get; init; } = new HashSet<string>();
}

/// <summary>Validates a whole department file: every row rule, then the rules across rows (duplicates, exclusive funds, the 合计 row).</summary>
/// <param name="identities">Seals each payment's identity for supervision; null when the file is only checked, never published.</param>
public sealed partial class ExportValidation(RegionCatalog regions, FundCatalog funds, OwnerKey owners, TimeProvider clock, Supervision.SubjectIdentity? identities = null)
{
    public const int MaxRows = 5_000_000;

    public FileValidation Validate(string path, SyncSettings settings, Action<int>? progress = null)
    {
        var export = DepartmentExport.Open(path);
        var name = export.FileName;
        var validator = new RowValidator(name, regions, funds, new Desensitizer(owners, regions, funds, identities), DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            ResolveCounty(name, settings.County, export.Title), ResolveFund(name, settings.Fund, export), ResolvePeriod(name, settings.Period, export));

        var outcomes = new List<RowOutcome>();
        var counties = new HashSet<string>();
        foreach (var row in export.Rows())
        {
            if (row.RegionCode.Length >= 6 && row.RegionCode.All(char.IsAsciiDigit)) counties.Add(row.RegionCode[..6]);
            if (outcomes.Count >= MaxRows) throw new ExportFileException($"{name}：超过 {MaxRows:N0} 行的上限，请按乡镇或月份拆分。");
            outcomes.Add(validator.Validate(row));
            if (outcomes.Count % 10_000 == 0) progress?.Invoke(outcomes.Count);
        }
        progress?.Invoke(outcomes.Count);

        var rejections = outcomes.SelectMany(o => o.Rejections).ToList();
        var held = HoldBackDuplicates(name, outcomes, rejections);
        var payments = outcomes.Where(o => o.Payment is not null && !held.Contains(o.RowNumber)).Select(o => o.Payment!).ToList();
        var warnings = export.UnknownColumns.Select(c => new Rejection(name, export.HeaderRow, c, ValidationRule.UnknownColumn,
            $"未识别的列“{c}”，已忽略。如果它是必需的数据，请改用标准列名（见 README）。")).ToList();
        CheckStatedTotal(export, outcomes, warnings);
        WarnOfReplacedDepartments(name, outcomes, warnings);
        var partitions = outcomes.Where(o => o.Partition is not null).Select(o => o.Partition!.Value).ToHashSet();
        var rejectedRows = outcomes.Where(o => o.Partition is not null && (o.Payment is null || held.Contains(o.RowNumber)))
            .GroupBy(o => o.Partition!.Value).ToDictionary(g => g.Key, g => g.Count());
        return new FileValidation(path, validator.County, outcomes.Count, payments,
            rejections.OrderBy(r => r.Row).ToList(), warnings, partitions) { RejectedRows = rejectedRows, CountiesNamed = counties };
    }

    /// <summary>Every row of a person paid twice by one fund in one period, or paid by two funds that exclude each other, is held back: the department must say which is right.</summary>
    private HashSet<int> HoldBackDuplicates(string file, List<RowOutcome> outcomes, List<Rejection> rejections)
    {
        var held = new HashSet<int>();
        var valid = outcomes.Where(o => o.Payment is not null).Select(o => o.Payment!).ToList();
        foreach (var group in valid.GroupBy(p => (p.OwnerKey, p.Fund.Code, p.Period)).Where(g => g.Count() > 1))
        {
            var rows = string.Join("、", group.Select(p => p.RowNumber));
            foreach (var p in group)
            {
                held.Add(p.RowNumber);
                rejections.Add(new Rejection(file, p.RowNumber, "身份证号", ValidationRule.DuplicatePayment,
                    $"{p.MaskedName} 在 {p.Period} 领取{p.Fund.Name}出现 {group.Count()} 次（第 {rows} 行），请核实后只保留正确的一条。"));
            }
        }
        // Most files carry one fund: only look for pairs when the file holds two funds that exclude each other.
        var present = valid.Select(p => p.Fund).Distinct().ToList();
        if (!present.Any(a => present.Any(b => funds.Exclusive(a, b)))) return held;
        foreach (var group in valid.GroupBy(p => (p.OwnerKey, p.Period)))
        {
            var list = group.DistinctBy(p => p.Fund.Code).ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (!funds.Exclusive(list[i].Fund, list[j].Fund)) continue;
                    foreach (var p in group.Where(p => p.Fund == list[i].Fund || p.Fund == list[j].Fund))
                    {
                        if (!held.Add(p.RowNumber)) continue;
                        rejections.Add(new Rejection(file, p.RowNumber, "资金类别", ValidationRule.ExclusiveFunds,
                            $"{p.MaskedName} 在 {p.Period} 同时领取{list[i].Fund.Name}和{list[j].Fund.Name}，两者不能同时享受，请核实。"));
                    }
                }
        }
        return held;
    }

    /// <summary>
    /// Holds back rows whose person is already published in the same period, by another file, with the same
    /// fund or with one that excludes it. The published payment stays; the department must say which is right.
    /// </summary>
    public FileValidation HoldBackPublished(FileValidation file, Func<IReadOnlySet<string>, IReadOnlySet<Period>, IReadOnlyList<PublishedPayment>> published)
    {
        if (file.Payments.Count == 0) return file;
        var replaced = file.Payments.Select(p => p.Partition).ToHashSet();
        var elsewhere = published(file.Payments.Select(p => p.OwnerKey).ToHashSet(), file.Payments.Select(p => p.Period).ToHashSet())
            .Where(q => !replaced.Contains(q.Partition)).ToLookup(q => (q.OwnerKey, q.Period));
        if (elsewhere.Count == 0) return file;
        var kept = new List<ValidPayment>();
        var rejections = file.Rejections.ToList();
        var rejectedRows = new Dictionary<PartitionKey, int>(file.RejectedRows);
        foreach (var p in file.Payments)
        {
            var clash = elsewhere[(p.OwnerKey, p.Period)]
                .FirstOrDefault(q => q.FundCode == p.Fund.Code || (funds.ByCode(q.FundCode) is { } f && funds.Exclusive(f, p.Fund)));
            if (clash is null)
            {
                kept.Add(p);
                continue;
            }
            rejectedRows[p.Partition] = rejectedRows.GetValueOrDefault(p.Partition) + 1;
            var village = regions.Find(clash.VillageCode);
            var where = village is null ? clash.VillageCode : string.Concat(regions.Path(village).Skip(2).Select(RegionCatalog.DisplayName));
            var fund = funds.ByCode(clash.FundCode)?.Name ?? clash.FundCode;
            rejections.Add(clash.FundCode == p.Fund.Code
                ? new Rejection(file.FileName, p.RowNumber, "身份证号", ValidationRule.DuplicatePayment,
                    $"{p.MaskedName} 在 {p.Period} 已在{where}公示领取{fund}（来自另一份文件），同一人同一资金同一期不能重复领取，请核实。")
                : new Rejection(file.FileName, p.RowNumber, "资金类别", ValidationRule.ExclusiveFunds,
                    $"{p.MaskedName} 在 {p.Period} 已在{where}公示领取{fund}（来自另一份文件），不能同时享受{p.Fund.Name}，请核实。"));
        }
        return file with { Payments = kept, Rejections = rejections.OrderBy(r => r.Row).ToList(), RejectedRows = rejectedRows };
    }

    /// <summary>One warning for the file, naming rows but never the cells: what was typed there may be a person's name or number.</summary>
    private static void WarnOfReplacedDepartments(string file, List<RowOutcome> outcomes, List<Rejection> warnings)
    {
        var rows = outcomes.Where(o => o.Payment is not null && o.DepartmentReplaced).Select(o => o.RowNumber).ToList();
        if (rows.Count == 0) return;
        var named = string.Join("、", rows.Take(10)) + (rows.Count > 10 ? $" 等 {rows.Count:N0} 行" : " 行");
        warnings.Add(new Rejection(file, rows[0], "发放部门", ValidationRule.DepartmentReplaced,
            $"第 {named}的发放部门不是资金目录中的部门（应写作 杞县民政局、五里河镇民政所 这样的单位名称），公示时改用资金目录中该资金的主管部门。"));
    }

    private static void CheckStatedTotal(DepartmentExport export, List<RowOutcome> outcomes, List<Rejection> warnings)
    {
        if (export.StatedTotal is not { Length: > 0 } stated) return;
        var sum = outcomes.Sum(o => o.Amount ?? 0);
        var row = export.StatedTotalRow ?? 0;
        if (!CellText.TryParseAmount(stated, out var total))
            warnings.Add(new Rejection(export.FileName, row, "发放金额", ValidationRule.TotalMismatch, $"合计行的金额“{stated}”无法识别；各行金额之和为 {Money.Yuan(sum)}。"));
        else if (total != sum)
            warnings.Add(new Rejection(export.FileName, row, "发放金额", ValidationRule.TotalMismatch, $"合计行写的是 {Money.Yuan(total)}，各行金额之和为 {Money.Yuan(sum)}，相差 {Money.Yuan(total - sum)}。"));
    }

    private Region? ResolveCounty(string file, string? code, string title)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var county = regions.Find(code.Trim());
            return county is { Level: RegionLevel.County } ? county : throw new ExportFileException($"{file}：--county {code} 不是有效的县级区划代码（6 位，如 410221）。");
        }
        if (title.Length == 0) return null;
        var candidates = regions.AtLevel(RegionLevel.County).Where(c => c.Name.Length >= 2 && title.Contains(c.Name, StringComparison.Ordinal)).ToList();
        if (candidates.Count > 1) candidates = candidates.Where(c => regions.Find(c.ParentCode) is { } city && title.Contains(city.Name, StringComparison.Ordinal)).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private Fund? ResolveFund(string file, string? code, DepartmentExport export)
    {
        if (!string.IsNullOrWhiteSpace(code))
            return funds.ByCode(code) ?? funds.Match(code) ?? throw new ExportFileException($"{file}：--fund {code} 不在资金目录中（可用：{string.Join("、", funds.All.Select(f => f.Code))}）。");
        if (export.Has(ExportColumn.Fund)) return null;
        return funds.All.SelectMany(f => f.Aliases.Append(f.Name).Select(n => (Fund: f, Name: n)))
            .Where(x => export.Title.Contains(x.Name, StringComparison.Ordinal)).OrderByDescending(x => x.Name.Length).Select(x => x.Fund).FirstOrDefault();
    }

    private static Period? ResolvePeriod(string file, string? text, DepartmentExport export)
    {
        if (!string.IsNullOrWhiteSpace(text))
            return Period.TryParseLoose(text, out var p) ? p : throw new ExportFileException($"{file}：--period {text} 格式不对，应写作 2026-05。");
        if (export.Has(ExportColumn.Period)) return null;
        var m = TitlePeriod().Match(export.Title);
        return m.Success && Period.TryParseLoose(m.Value.Replace(" ", ""), out var t) ? t : null;
    }

    [GeneratedRegex(@"\d{4}\s*年\s*\d{1,2}\s*月")]
    private static partial Regex TitlePeriod();
}
