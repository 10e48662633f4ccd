using System.CommandLine;
using System.Globalization;
using Portal.Core.Funds;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Core.Supervision;

namespace Portal.Indexer.Samples;

/// <summary>`sample`: writes synthetic department exports (made-up names, checksum-valid made-up ID numbers) for demos, tests and benchmarks.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "写到这个文件夹", Required = true };
        var rows = new Option<int>("--rows") { Description = "总行数", DefaultValueFactory = _ => 20_000 };
        var counties = new Option<string?>("--counties") { Description = "县级区划代码，逗号分隔，全国任一县（默认：示例的 8 个县）" };
        var funds = new Option<string?>("--funds") { Description = "资金代码，逗号分隔" };
        var months = new Option<int>("--months") { Description = "最近几个月", DefaultValueFactory = _ => 12 };
        var single = new Option<bool>("--single") { Description = "全部写进一个 UTF-8 CSV 文件（用于基准测试）" };
        var errors = new Option<bool>("--with-errors") { Description = "每个文件加几行典型错误，演示退回报告" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 12388 };
        var referenceRows = new Option<int>("--reference-rows") { Description = "基准测试用：每份比对名单另加的行数（百分之一是第一个县的领取人）", DefaultValueFactory = _ => 0 };
        var references = new Option<string?>("--references") { Description = "另把第一个县的四份比对名单（死亡人员、公职人员及近亲属、机动车、市场主体）写到这个文件夹，用 reference import 导入后台账中就有示例线索" };
        var villages = new Option<string?>("--villages") { Description = "这些村（乡镇代码即其下全部村）按真实的村生成：几百户，多数领耕地地力保护补贴（每年），5–10% 领低保（每月），另有高龄津贴、残疾人补贴等，各按资金的发放周期；须在所选的县里" };
        var command = new Command("sample", "生成逼真的模拟部门导出文件（虚构姓名、校验位正确的虚构身份证号），覆盖示例各县（或指定的任何县）、多个资金、最近若干月")
        {
            output, rows, counties, funds, months, single, errors, seed, references, referenceRows, villages,
        };
        command.SetAction(parse =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            var sample = new SampleExport(context.Regions, context.Funds, parse.GetValue(seed));
            var chosen = parse.GetValue(counties) is { Length: > 0 } c
                ? c.Split(',', StringSplitOptions.TrimEntries).Select(code => context.Regions.Find(code) ?? throw new ArgumentException($"未知县级代码 {code}")).ToList()
                : sample.Counties().ToList();
            var fundList = sample.Funds(parse.GetValue(funds) is { Length: > 0 } f ? f.Split(',', StringSplitOptions.TrimEntries) : SampleExport.DefaultFunds);
            var periods = SampleExport.RecentMonths(parse.GetValue(months), TimeProvider.System);
            var full = FullVillages(context.Regions, parse.GetValue(villages), chosen);
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var peoplePerCounty = Math.Max(1, parse.GetValue(rows) / (chosen.Count * periods.Count));
            var village = new SampleVillage(context.Funds, parse.GetValue(seed));
            List<SampleRow> CountyRows(Region county)
            {
                var people = sample.People(county, peoplePerCounty);
                var countyRows = sample.Rows(people, fundList, periods).ToList();
                var taken = people.Select(p => p.IdNumber).ToHashSet();
                foreach (var v in full.Where(v => v.Code.StartsWith(county.Code, StringComparison.Ordinal))) countyRows.AddRange(village.Generate(v, periods, taken).Rows);
                return countyRows;
            }
            var written = Write(sample, context.Regions, dir, chosen, CountyRows, parse.GetValue(single), parse.GetValue(errors), periods);
            Console.WriteLine($"已写入 {written.Files} 个文件、{written.Rows:N0} 行到 {Path.GetFullPath(dir)}" + (full.Count > 0 ? $"；其中 {full.Count} 个村按真实的村生成" : ""));
            if (parse.GetValue(references) is { Length: > 0 } referenceDir)
            {
                var lists = SampleReferences.Write(referenceDir, sample, chosen[0], written.FirstCounty, parse.GetValue(referenceRows));
                Console.WriteLine($"已写入{chosen[0].Name}的 {lists.Count} 份比对名单到 {Path.GetFullPath(referenceDir)}；导入：");
                foreach (var (kind, path) in lists)
                    Console.WriteLine($"  portal-indexer reference import \"{path}\" --kind {kind.ToString().ToLowerInvariant()} --county {chosen[0].Code}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The villages named, a township's code standing for all its villages; each must lie in one of the counties.</summary>
    private static List<Region> FullVillages(RegionCatalog regions, string? codes, List<Region> counties)
    {
        if (string.IsNullOrWhiteSpace(codes)) return [];
        return codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(code =>
        {
            var region = regions.Find(code) ?? throw new ArgumentException($"未知区划代码 {code}。");
            if (!counties.Any(c => code.StartsWith(c.Code, StringComparison.Ordinal))) throw new ArgumentException($"{region.Name}（{code}）不在所选的县里（--counties）。");
            return region.Level switch
            {
                RegionLevel.Village => new[] { region },
                RegionLevel.Township => regions.Children(code),
                _ => throw new ArgumentException($"{region.Name}（{code}）不是村或乡镇。"),
            };
        }).DistinctBy(v => v.Code).ToList();
    }

    /// <returns>The files and rows written, and the first county's rows (for its sample reference lists).</returns>
    private static (int Files, int Rows, List<SampleRow> FirstCounty) Write(SampleExport sample, RegionCatalog regions, string dir, List<Region> counties,
        Func<Region, List<SampleRow>> countyRows, bool single, bool withErrors, IReadOnlyList<Period> periods)
    {
        var files = 0;
        var total = 0;
        var first = new List<SampleRow>();
        if (single)
        {
            var all = counties.SelectMany(countyRows).ToList();
            sample.Write(Path.Combine(dir, $"sample-{all.Count}.csv"), counties[0], all, SampleFormat.Utf8Csv, $"{counties[0].Name}惠民资金发放花名册");
            return (1, all.Count, all.Where(r => regions.Ancestor(r.Person.Village, RegionLevel.County)?.Code == counties[0].Code).ToList());
        }
        foreach (var (county, i) in counties.Select((c, i) => (c, i)))
        {
            var rows = countyRows(county);
            if (i == 0) first.AddRange(rows);
            foreach (var byFund in rows.GroupBy(r => r.Fund))
            {
                // Real offices export in both encodings and in Excel: rotate them so every path is exercised.
                var format = (SampleFormat)((i + files) % 3);
                var extension = format == SampleFormat.Xlsx ? "xlsx" : "csv";
                var list = byFund.ToList();
                var path = Path.Combine(dir, $"{county.Code}-{county.Name}-{byFund.Key.Name}-{format switch { SampleFormat.Gb18030Csv => "gb18030", SampleFormat.Utf8Csv => "utf8", _ => "excel" }}.{extension}");
                if (withErrors && format != SampleFormat.Xlsx) path = WriteWithErrors(sample, regions, path, county, list, format);
                else sample.Write(path, county, list, format, $"{county.Name}{periods[0].ToChinese()}至{periods[^1].ToChinese()}{byFund.Key.Name}发放花名册");
                files++;
                total += list.Count;
            }
        }
        return (files, total, first);
    }

    /// <summary>Appends rows that break one rule each, so the rejection report has something to show.</summary>
    private static string WriteWithErrors(SampleExport sample, RegionCatalog regions, string path, Region county, List<SampleRow> rows, SampleFormat format)
    {
        var first = rows[0];
        var id = first.Person.IdNumber;
        var otherCounty = sample.Counties().Where(c => c.Code != county.Code).SelectMany(c => regions.Children(c.Code)).SelectMany(t => regions.Children(t.Code)).First();
        rows.AddRange(
        [
            first,
            first with { Person = first.Person with { IdNumber = id[..17] + (id[17] == '1' ? "2" : "1") } },
            first with { Person = first.Person with { IdNumber = double.Parse(id[..17], CultureInfo.InvariantCulture).ToString("0.#####E+0", CultureInfo.InvariantCulture) } },
            first with { Person = first.Person with { Village = otherCounty } },
            first with { Amount = first.Fund.MaxAmount * 10 },
        ]);
        sample.Write(path, county, rows, format, $"{county.Name}{first.Fund.Name}发放花名册（含错误示例）");
        return path;
    }
}
