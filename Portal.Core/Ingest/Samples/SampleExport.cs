using System.Globalization;
using System.Text;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Ingest.Samples;

public enum SampleFormat { Utf8Csv, Gb18030Csv, Xlsx }

/// <summary>A made-up person of the sample data, kept so tests and demos can look their own payments up.</summary>
public sealed record SamplePerson(string Name, string IdNumber, string Phone, string BankAccount, Region Village);

/// <summary>One generated row as a department would export it.</summary>
public sealed record SampleRow(SamplePerson Person, Fund Fund, Period Period, decimal Amount, int HouseholdSize);

/// <summary>
/// Writes realistic synthetic department exports: made-up names, checksum-valid made-up ID numbers,
/// real village codes, a title and unit row above the header and a 合计 row below the data.
/// </summary>
public sealed class SampleExport(RegionCatalog regions, FundCatalog funds, int seed = 12388)
{
    public static readonly string[] DefaultFunds = ["rural-dibao", "urban-dibao", "tekun", "elderly-allowance", "disability-living", "disability-care", "farmland-protection", "temporary-aid"];

    private readonly Random _random = new(seed);

    /// <summary>The counties of the sample: those the Portal's source material is about (洪江市, 杞县, 尉氏县, 伊金霍洛旗, 萧山区, 建德市, 闽侯县, 鼓楼区).</summary>
    public static readonly string[] CountyCodes = ["150627", "330109", "330182", "350102", "350121", "410221", "410223", "431281"];

    public IReadOnlyList<Region> Counties() => CountyCodes.Select(code => regions.Find(code)!).ToList();

    public List<SamplePerson> People(Region county, int count)
    {
        var villages = regions.Children(county.Code).SelectMany(t => regions.Children(t.Code)).ToList();
        if (villages.Count == 0) throw new ArgumentException($"{county.Name} 没有村级区划数据。");
        var people = new List<SamplePerson>(count);
        var ids = new HashSet<string>();
        while (people.Count < count)
        {
            // Round the villages so that every village of a county has someone once there are enough people.
            var person = new SamplePerson(SampleIdentity.Name(_random), "", SampleIdentity.Digits(_random, "1", 10), SampleIdentity.Digits(_random, "6228", 15), villages[people.Count % villages.Count]);
            var id = SampleIdentity.IdNumberFor(_random, county.Code, new DateOnly(1930, 1, 1), 365 * 75);
            if (ids.Add(id)) people.Add(person with { IdNumber = id });
        }
        return people;
    }

    /// <summary>Rows for every person for each of the funds they receive, over the given months.</summary>
    public IEnumerable<SampleRow> Rows(IReadOnlyList<SamplePerson> people, IReadOnlyList<Fund> fundList, IReadOnlyList<Period> months)
    {
        foreach (var person in people)
        {
            // From the ID number's digits, not string.GetHashCode (seeded per process): the same seed gives the same funds in every run.
            var fund = fundList[(int)(long.Parse(person.IdNumber[..17], System.Globalization.CultureInfo.InvariantCulture) % fundList.Count)];
            var household = 1 + _random.Next(5);
            var amount = Math.Round(fund.MaxAmount * (decimal)(0.1 + 0.4 * _random.NextDouble()), 0) + (_random.Next(2) == 0 ? 0.5m : 0m);
            foreach (var month in months) yield return new SampleRow(person, fund, month, amount, household);
        }
    }

    /// <summary>The current period and the ones before it, newest last (at least one).</summary>
    public static IReadOnlyList<Period> RecentMonths(int count, TimeProvider clock)
    {
        var now = Period.Of(clock.GetLocalNow());
        return Enumerable.Range(0, Math.Max(1, count)).Select(i => now.AddMonths(i - count + 1)).ToList();
    }

    public IReadOnlyList<Fund> Funds(IEnumerable<string> codes) => codes.Select(c => funds.ByCode(c) ?? throw new ArgumentException($"未知资金：{c}")).ToList();

    /// <summary>Writes rows as a department export file in the given format, as they come; returns the stated total.</summary>
    public decimal Write(string path, Region county, IEnumerable<SampleRow> rows, SampleFormat format, string title)
    {
        var total = 0m;
        IEnumerable<string[]> Table()
        {
            yield return [title];
            yield return ["单位：元"];
            yield return ["序号", "乡镇（街道）", "村（社区）", "行政区划代码", "户主姓名", "身份证号码", "联系电话", "银行卡号", "资金类别", "家庭人口", "发放金额（元）", "所属期", "发放部门", "备注"];
            var n = 0;
            foreach (var r in rows)
            {
                total += r.Amount;
                var village = r.Person.Village;
                var township = regions.Find(village.ParentCode)!;
                yield return [(++n).ToString(CultureInfo.InvariantCulture), township.Name, RegionCatalog.DisplayName(village), village.Code, r.Person.Name, r.Person.IdNumber,
                    r.Person.Phone, r.Person.BankAccount, r.Fund.Name, r.HouseholdSize.ToString(CultureInfo.InvariantCulture),
                    r.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture), r.Period.ToString(), county.Name + (r.Fund.Department.EndsWith('局') ? r.Fund.Department : r.Fund.Department + "局"), ""];
            }
            yield return ["合计", "", "", "", "", "", "", "", "", "", total.ToString("#,##0.00", CultureInfo.InvariantCulture), "", "", ""];
            yield return [];
        }
        if (format == SampleFormat.Xlsx) XlsxWriter.Write(path, Table());
        else WriteCsv(path, Table(), format == SampleFormat.Gb18030Csv ? SheetReader.Gb18030 : new UTF8Encoding(true));
        return total;
    }

    public static void WriteCsv(string path, IEnumerable<string[]> table, Encoding encoding)
    {
        using var writer = new StreamWriter(path, false, encoding);
        foreach (var row in table) writer.Write(string.Join(",", row.Select(Quote)) + "\r\n");
    }

    private static string Quote(string cell) => cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
