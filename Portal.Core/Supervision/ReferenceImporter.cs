using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Privacy;
using Portal.Core.Offices;
using Portal.Core.Regions;
using Portal.Core.Staff;

namespace Portal.Core.Supervision;

/// <summary>What an import kept, the rows it sent back (masked; at most <see cref="ReferenceImporter.MaxRejectionsListed"/> listed) and the clues its run found.</summary>
public sealed record ReferenceImportResult(ReferenceImport Import, IReadOnlyList<Rejection> Rejections, ClueRun Clues);

/// <summary>
/// Imports a reference list (比对数据): each ID number becomes its keyed hash (<see cref="OwnerKey.ForIdNumber"/>), old
/// 15-digit numbers first read as their 18-character form; of the rest only what a rule needs is kept, never a name, a plate
/// or a company. The new list replaces the kind's list for its county in one transaction: a file that fails part-way, or
/// goes over <see cref="MaxRows"/>, leaves the previous list whole. Rows are streamed, so memory does not grow with the file.
/// Then the rules run on the county's payments (on all, for a list without a county).
/// </summary>
public sealed class ReferenceImporter(PortalDb db, OwnerKey owners, RegionCatalog regions, ClueFinder clues, OfficeRegion offices, TimeProvider clock, int maxRows = ReferenceImporter.MaxRows)
{
    public const int MaxRows = 1_000_000;
    public const int MaxRejectionsListed = 10_000;
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M", "yyyy/M", "yyyy年M月", "yyyyMM"];
    private static readonly string[] Columns = ["Kind", "CountyCode", "ImportId", "PersonKey", "Date", "Detail", "Relation"];

    /// <summary>Null when the county may be named (empty: a list for the whole deployment); otherwise why not, in Chinese.</summary>
    public string? CountyProblem(string? countyCode) =>
        string.IsNullOrWhiteSpace(countyCode) || regions.Find(countyCode.Trim()) is { Level: RegionLevel.County } ? null
            : $"“{countyCode}”不是县级区划代码：请写 6 位代码，如 410221；名单覆盖全部县时不填。";

    /// <summary>
    /// Null when this 监督 may import a list for the county: one within their office's region. A list for every county
    /// (no county named) replaces the whole deployment's, so only the top office imports it.
    /// </summary>
    public string? CountyProblem(string? countyCode, StaffActor by)
    {
        if (CountyProblem(countyCode) is { } problem) return problem;
        if (offices.OfficeOf(by) is not { } office) return "本账号不属于任何受理机关，不能导入名单。请联系管理员设置所在机关。";
        if (string.IsNullOrWhiteSpace(countyCode))
            return offices.ReachesEverywhere(by) ? null : $"{office.Name}只能导入本辖区内县的名单，请填写县的 6 位区划代码，如 {Example(office)}。";
        var county = regions.Find(countyCode.Trim())!;
        return offices.Reaches(by, county.Code) ? null : $"{office.Name}只能导入本辖区内县的名单，{county.Name}（{county.Code}）不在本辖区。";
    }

    private string Example(Office office) =>
        regions.Find(office.RegionCode) is { Level: RegionLevel.County } ? office.RegionCode
        : regions.AtLevel(RegionLevel.County).FirstOrDefault(c => c.Code.StartsWith(office.RegionCode, StringComparison.Ordinal))?.Code ?? "410221";

    /// <param name="fileName">The name the file is known by (an upload's own name); the path's by default.</param>
    public async Task<ReferenceImportResult> ImportAsync(string path, ReferenceKind kind, string? countyCode, string importedBy, string? fileName = null,
        CancellationToken cancellationToken = default)
    {
        if (CountyProblem(countyCode) is { } problem) throw new ExportFileException(problem);
        var county = countyCode?.Trim() ?? "";
        var name = fileName ?? Path.GetFileName(path);
        // The header is checked before anything is touched: a file of the wrong kind is refused at once.
        ReferenceFile.Open(path, kind, name).Rows().GetEnumerator().Dispose();

        ReferenceImport import = null!;
        List<Rejection> rejections = null!;
        await BulkInsert.InTransactionAsync(db, async () =>
        {
            rejections = [];
            import = new ReferenceImport
            {
                Kind = kind, CountyCode = county, FileName = Clip(name, 260), ImportedBy = Clip(importedBy, 100), At = clock.GetUtcNow().UtcDateTime,
            };
            db.ReferenceImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await db.ReferenceEntries.Where(e => e.Kind == kind && e.CountyCode == county).ExecuteDeleteAsync(cancellationToken);
            var reader = new Reader(ReferenceFile.Open(path, kind, name), kind, rejections, owners, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), maxRows);
            var kindName = kind.ToString();
            import.Kept = await BulkInsert.RunAsync(db, "reference_entries", Columns, reader.Entries(),
                e => [kindName, county, import.Id, e.PersonKey, e.Date, e.Detail, e.Relation], cancellationToken);
            (import.Read, import.Rejected) = (reader.Read, reader.Rejected);
            await db.ReferenceImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Read, import.Read).SetProperty(i => i.Kept, import.Kept).SetProperty(i => i.Rejected, import.Rejected), cancellationToken);
        }, cancellationToken);
        var run = await clues.RunAsync(county.Length > 0 ? ClueScope.County(county) : ClueScope.All, cancellationToken);
        return new ReferenceImportResult(import, rejections, run);
    }

    /// <summary>The current list of each kind and county within the reader's region, and the lists for every county: each one's latest import.</summary>
    public async Task<IReadOnlyList<ReferenceImport>> CurrentAsync(StaffActor reader, CancellationToken cancellationToken = default)
    {
        if (offices.Prefix(reader) is not { } prefix) return [];
        var latest = await db.ReferenceImports.AsNoTracking().Where(i => i.CountyCode == "" || i.CountyCode.StartsWith(prefix)).GroupBy(i => new { i.Kind, i.CountyCode }).Select(g => g.Max(i => i.Id)).ToListAsync(cancellationToken);
        return (await db.ReferenceImports.AsNoTracking().Where(i => latest.Contains(i.Id)).ToListAsync(cancellationToken))
            .OrderBy(i => i.Kind).ThenBy(i => i.CountyCode).ToList();
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record Entry(string PersonKey, DateOnly? Date, string Detail, string? Relation);

    /// <summary>Reads the rows into entries as the bulk insert asks for them, counting and collecting what it sends back.</summary>
    private sealed class Reader(ReferenceFile file, ReferenceKind kind, List<Rejection> rejections, OwnerKey owners, DateOnly today, int maxRows)
    {
        private string? _lastOfficial;

        public int Read { get; private set; }
        public int Rejected { get; private set; }

        public IEnumerable<Entry> Entries()
        {
            foreach (var row in file.Rows())
            {
                if (++Read > maxRows)
                    throw new ExportFileException($"{file.FileName}：超过 {maxRows:N0} 行的上限，未导入任何数据，原有名单保持不变。请按县或年份拆分后分别导入。");
                var problems = new List<Rejection>();
                var entries = Entries(row, problems).ToList();
                if (problems.Count > 0)
                {
                    Rejected++;
                    foreach (var p in problems)
                        if (rejections.Count < MaxRejectionsListed) rejections.Add(p);
                }
                foreach (var e in entries) yield return e;
            }
        }

        private IEnumerable<Entry> Entries(ReferenceRow row, List<Rejection> problems)
        {
            void Reject(string column, ValidationRule rule, string message) => problems.Add(new Rejection(file.FileName, row.Number, column, rule, message));
            var unreadable = row.Cells.Where(c => c.Value.Contains(SheetReader.Unreadable)).Select(c => ReferenceFile.HeaderName(kind, c.Key)).ToList();
            if (unreadable.Count > 0)
            {
                Reject(unreadable[0], ValidationRule.UnreadableText, $"“{string.Join("、", unreadable)}”列含有无法识别的字符：文件中有不属于 UTF-8 或 GB18030 编码的字节。请另存为 UTF-8 或 GB18030 编码的 CSV（或 XLSX）后重新导入。");
                yield break;
            }
            switch (kind)
            {
                case ReferenceKind.Deceased:
                {
                    var key = PersonKey(row[ReferenceColumn.IdNumber], "身份证号", Reject);
                    var died = Date(row[ReferenceColumn.DeathDate]);
                    if (died is null) Reject("死亡日期", ValidationRule.DateInvalid, $"死亡日期“{row[ReferenceColumn.DeathDate]}”无法识别或晚于今天，应写作 2026-05-20。");
                    if (key is not null && died is not null) yield return new Entry(key, died, "", null);
                    break;
                }
                case ReferenceKind.Officials:
                {
                    var detail = Clip($"工作单位 {row[ReferenceColumn.Unit]}；职务 {row[ReferenceColumn.Post]}", ReferenceEntry.MaxDetailLength);
                    var official = PersonKey(row[ReferenceColumn.IdNumber], "身份证号", Reject);
                    // One official with several relatives is several rows: the official is kept once.
                    if (official is not null && official != _lastOfficial) yield return new Entry(official, null, detail, null);
                    _lastOfficial = official;
                    if (row[ReferenceColumn.RelativeIdNumber].Length == 0) break;
                    var relative = PersonKey(row[ReferenceColumn.RelativeIdNumber], "亲属身份证号", Reject);
                    var relation = CellText.Compact(row[ReferenceColumn.Relation]);
                    if (relation.Length == 0) Reject("与本人关系", ValidationRule.NameMissing, "有亲属身份证号，但“与本人关系”为空：请写明 配偶、子女、父母 等。");
                    else if (relative is not null) yield return new Entry(relative, null, detail, Clip(relation, 20));
                    break;
                }
                case ReferenceKind.Vehicles:
                {
                    var key = PersonKey(row[ReferenceColumn.IdNumber], "身份证明号码", Reject);
                    var type = row[ReferenceColumn.VehicleType];
                    if (type.Length == 0) Reject("车辆类型", ValidationRule.NameMissing, "车辆类型为空。");
                    else if (key is not null) yield return new Entry(key, Date(row[ReferenceColumn.RegisteredOn]), Clip(type, ReferenceEntry.MaxDetailLength), null);
                    break;
                }
                case ReferenceKind.Businesses:
                {
                    var key = PersonKey(row[ReferenceColumn.IdNumber], "证件号码", Reject);
                    var role = row[ReferenceColumn.Role];
                    if (role.Length == 0) Reject("职务", ValidationRule.NameMissing, "职务为空：请写明 法定代表人、股东 等。");
                    else if (key is not null) yield return new Entry(key, null, Clip(role, ReferenceEntry.MaxDetailLength), null);
                    break;
                }
            }
        }

        /// <summary>The keyed hash of a valid number (a 15-digit one read as its 18-character form); null, with the row sent back, otherwise.</summary>
        private string? PersonKey(string cell, string column, Action<string, ValidationRule, string> reject)
        {
            var id = IdNumber.Normalize(cell);
            if (id.Length == 15 && id.All(char.IsAsciiDigit)) id = IdNumber.FromLegacy15(id);
            var problem = IdNumber.Check(id, today);
            if (problem == IdNumberProblem.None) return owners.ForIdNumber(id);
            // The cell itself is never repeated: its leading digits are the person's birthplace and birth date.
            reject(column, ValidationRule.IdNumberInvalid, problem switch
            {
                IdNumberProblem.Missing => $"{column}为空。",
                IdNumberProblem.Scientific => $"{column}被表格软件转成了科学计数法，后几位已丢失：请把该列设为“文本”后重新导出。",
                IdNumberProblem.BirthDate => $"{column} {IdNumber.Mask(cell)} 中的出生日期不存在或晚于今天。",
                IdNumberProblem.Checksum => $"{column} {IdNumber.Mask(cell)} 校验位不对（GB 11643），可能有录入错误。",
                _ => $"{column} {IdNumber.Mask(cell)} 应为 18 位（前 17 位为数字，最后一位为数字或 X），或 15 位数字的旧号码。",
            });
            return null;
        }

        private DateOnly? Date(string cell)
        {
            var text = CellText.Normalize(cell);
            // A time after the date (2026-05-20 08:00:00) is dropped.
            var cut = text.IndexOfAny([' ', 'T']);
            if (cut > 0) text = text[..cut];
            return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d <= today ? d : null;
        }
    }
}
