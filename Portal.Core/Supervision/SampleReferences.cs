using System.Globalization;
using Portal.Core.Ingest;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Supervision;

/// <summary>
/// Small made-up reference lists for the sample data, so a new user's ledger is not empty: each rule hits one sample
/// recipient (a death before a paid month, an official on 低保, an official's spouse, a car, a company) and has a near
/// miss beside it (a death in the last paid month, a cousin, a motorcycle, a company supervisor), among people who get nothing.
/// </summary>
public static class SampleReferences
{
    public static readonly IReadOnlyDictionary<ReferenceKind, string> FileNames = new Dictionary<ReferenceKind, string>
    {
        [ReferenceKind.Deceased] = "死亡人员名单.csv",
        [ReferenceKind.Officials] = "公职人员及近亲属名单.csv",
        [ReferenceKind.Vehicles] = "机动车登记信息-gb18030.csv",
        [ReferenceKind.Businesses] = "市场主体登记信息.xlsx",
    };

    /// <summary>Writes the four lists for <paramref name="county"/> from its sample rows; returns the files by kind.</summary>
    /// <param name="extraRows">Rows added to each list for benchmarks, written as they are made: one in a hundred a sample recipient, the rest made-up people.</param>
    public static IReadOnlyDictionary<ReferenceKind, string> Write(string dir, SampleExport sample, Region county, IReadOnlyList<SampleRow> rows, int extraRows = 0)
    {
        Directory.CreateDirectory(dir);
        var months = rows.Select(r => r.Period).Distinct().Order().ToList();
        var anyone = rows.Select(r => r.Person).DistinctBy(p => p.IdNumber).ToList();
        var onDibao = rows.Where(r => r.Fund.Code is "rural-dibao" or "urban-dibao").Select(r => r.Person).DistinctBy(p => p.IdNumber).ToList();
        var strangers = sample.People(county, 6);
        SamplePerson Pick(List<SamplePerson> from, int i) => from.Count > 0 ? from[i % from.Count] : strangers[i % strangers.Count];
        var paths = FileNames.ToDictionary(f => f.Key, f => Path.Combine(dir, f.Value));

        // Died in the first paid month (paid later: a hit); died in the last paid month (the same month may be paid: no hit).
        var died = Pick(anyone, 0);
        var diedLate = Pick(anyone, 1);
        SampleExport.WriteCsv(paths[ReferenceKind.Deceased], With(
        [
            [$"{county.Name}死亡人员信息（民政、公安、卫健比对数据）"],
            ["序号", "姓名", "公民身份号码", "死亡日期"],
            ["1", died.Name, Legacy(died.IdNumber), Day(months[0], 9)],
            ["2", diedLate.Name, diedLate.IdNumber, Day(months[^1], 2)],
            .. strangers.Take(2).Select((p, i) => new[] { (i + 3).ToString(CultureInfo.InvariantCulture), p.Name, p.IdNumber, Day(months[0], 20) }),
        ], p => ["", p.Name, p.IdNumber, Day(months[0], 20)]), new System.Text.UTF8Encoding(true));

        var official = Pick(onDibao, 0);
        var spouse = Pick(onDibao, 1);
        var cousin = Pick(onDibao, 2);
        var cadre = strangers[2];
        SampleExport.WriteCsv(paths[ReferenceKind.Officials], With(
        [
            [$"{county.Name}公职人员及近亲属信息"],
            ["序号", "姓名", "身份证号", "工作单位", "职务", "亲属姓名", "亲属身份证号", "与本人关系"],
            ["1", official.Name, official.IdNumber, $"{county.Name}农业农村局", "科员", "", "", ""],
            ["2", cadre.Name, cadre.IdNumber, $"{RegionCatalog.DisplayName(spouse.Village)}村民委员会", "村委会主任", spouse.Name, spouse.IdNumber, "配偶"],
            ["3", cadre.Name, cadre.IdNumber, $"{RegionCatalog.DisplayName(spouse.Village)}村民委员会", "村委会主任", cousin.Name, cousin.IdNumber, "表兄弟"],
        ], p => ["", p.Name, p.IdNumber, $"{county.Name}某局", "科员", "", "", ""]), new System.Text.UTF8Encoding(true));

        var driver = Pick(onDibao, 3);
        var rider = Pick(onDibao, 4);
        SampleExport.WriteCsv(paths[ReferenceKind.Vehicles], With(
        [
            [$"{county.Name}机动车登记信息"],
            ["所有人", "身份证明号码", "号牌号码", "车辆类型", "初次登记日期"],
            [driver.Name, driver.IdNumber, "豫B7C2K9", "小型轿车", "2021-04-16"],
            [rider.Name, rider.IdNumber, "豫B35812", "普通二轮摩托车", "2019-08-03"],
            [strangers[3].Name, strangers[3].IdNumber, "豫B8M1Q6", "小型普通客车", "2018-11-30"],
        ], p => [p.Name, p.IdNumber, "", "小型轿车", "2020-05-01"]), SheetReader.Gb18030);

        var owner = Pick(onDibao, 5);
        var supervisor = Pick(onDibao, 6);
        XlsxWriter.Write(paths[ReferenceKind.Businesses], With(
        [
            [$"{county.Name}市场主体登记信息"],
            ["企业名称", "姓名", "证件号码", "职务"],
            [$"{county.Name}丰收农资经营部有限公司", owner.Name, owner.IdNumber, "法定代表人"],
            [$"{county.Name}丰收农资经营部有限公司", supervisor.Name, supervisor.IdNumber, "监事"],
            [$"{county.Name}金穗粮食购销有限公司", strangers[4].Name, strangers[4].IdNumber, "股东"],
        ], p => ["", p.Name, p.IdNumber, "股东"]));
        return paths;

        IEnumerable<string[]> With(string[][] head, Func<SamplePerson, string[]> row) => head.Concat(Extra(row));

        IEnumerable<string[]> Extra(Func<SamplePerson, string[]> row)
        {
            // Made-up people in batches, so a list of a million rows does not hold a million people.
            for (var done = 0; done < extraRows; done += 10_000)
            {
                var batch = sample.People(county, Math.Min(10_000, extraRows - done));
                for (var i = 0; i < batch.Count; i++)
                    yield return row(i % 100 == 0 && anyone.Count > 0 ? anyone[(done + i) / 100 % anyone.Count] : batch[i]);
            }
        }
    }

    private static string Day(Period month, int day) => new DateOnly(month.Year, month.Month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The old 15-digit form of a number of someone born in the 1900s, as older death records still carry it.</summary>
    private static string Legacy(string id) => id[6..8] == "19" ? id[..6] + id[8..17] : id;
}
