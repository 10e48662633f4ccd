using Portal.Core.Funds;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Privacy;
using Portal.Tests;

namespace Portal.Core.Tests.Ingest;

/// <summary>The sample villages a new user's tour visits look like real villages, fund by fund.</summary>
public class SampleVillageTests
{
    private const string Shizhuang = "410221101201";
    private static readonly IReadOnlyList<Period> Year = SampleExport.RecentMonths(12, TimeProvider.System);

    private static FullVillage Generate(string code = Shizhuang, int seed = 12388) =>
        new SampleVillage(SampleData.Funds, seed).Generate(SampleData.Regions.Find(code)!, Year, new HashSet<string>());

    private static List<string> Recipients(FullVillage village, string fund) =>
        village.Rows.Where(r => r.Fund.Code == fund).Select(r => r.Person.IdNumber).Distinct().ToList();

    [Fact]
    public void A_village_has_a_few_hundred_households_and_5_to_10_percent_of_them_get_dibao_every_month()
    {
        var village = Generate();

        Assert.InRange(village.Households, 200, 499);
        var dibao = Recipients(village, "rural-dibao");
        Assert.InRange(dibao.Count, village.Households * 0.05, village.Households * 0.10);
        Assert.All(dibao, id => Assert.Equal(Year, village.Rows.Where(r => r.Person.IdNumber == id && r.Fund.Code == "rural-dibao").Select(r => r.Period)));
    }

    [Fact]
    public void Most_households_get_the_farmland_subsidy_once_a_year_in_May()
    {
        var village = Generate();

        var farmland = village.Rows.Where(r => r.Fund.Code == "farmland-protection").ToList();
        Assert.True(farmland.Count > village.Households / 2, $"{farmland.Count} of {village.Households} households");
        Assert.All(farmland, r => Assert.Equal(SampleVillage.YearlyPaymentMonth, r.Period.Month));
        Assert.Equal(farmland.Count, farmland.Select(r => r.Person.IdNumber).Distinct().Count());
    }

    [Fact]
    public void Each_fund_is_paid_as_often_as_the_catalogue_says_and_the_elderly_allowance_goes_to_people_over_80()
    {
        var village = Generate();

        foreach (var fund in village.Rows.GroupBy(r => r.Fund).Where(g => g.Key.Code != "temporary-aid"))
        {
            var expected = SampleVillage.PaidMonths(fund.Key, Year).ToList();
            Assert.All(fund.GroupBy(r => r.Person.IdNumber), person => Assert.Equal(expected, person.Select(r => r.Period)));
        }
        var elderly = village.Rows.Where(r => r.Fund.Code == "elderly-allowance").ToList();
        Assert.NotEmpty(elderly);
        Assert.Equal(FundFrequency.Quarterly, elderly[0].Fund.Schedule.Frequency);
        Assert.All(elderly, r => Assert.True(r.Period.Year - int.Parse(r.Person.IdNumber[6..10]) > 80, r.Person.IdNumber));
        Assert.Contains(village.Rows, r => r.Fund.Code is "disability-living" or "disability-care");
    }

    [Fact]
    public void Every_person_has_a_valid_made_up_id_number_of_the_county_and_a_chinese_name()
    {
        var village = Generate();

        var people = village.Rows.Select(r => r.Person).DistinctBy(p => p.IdNumber).ToList();
        Assert.All(people, p => Assert.Equal(IdNumberProblem.None, IdNumber.Check(p.IdNumber, DateOnly.FromDateTime(DateTime.Today))));
        Assert.All(people, p => Assert.StartsWith("410221", p.IdNumber));
        Assert.All(people, p => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", p.Name));
        Assert.Equal(people.Count, village.Rows.Select(r => (r.Person.IdNumber, r.Person.Name)).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_village_and_another_seed_another()
    {
        static string Fingerprint(FullVillage v) => string.Join('|', v.Rows.Select(r => $"{r.Person.Name},{r.Person.IdNumber},{r.Fund.Code},{r.Period},{r.Amount}"));

        Assert.Equal(Fingerprint(Generate()), Fingerprint(Generate()));
        Assert.NotEqual(Fingerprint(Generate()), Fingerprint(Generate(seed: 7)));
    }

    [Fact]
    public async Task A_village_syncs_without_a_rejected_row_and_its_page_lists_dibao()
    {
        using var data = new SampleData();
        var village = Generate();
        var county = SampleData.Regions.Find("410221")!;
        var path = Path.Combine(data.InputDirectory, "史庄村.csv");
        new SampleExport(SampleData.Regions, SampleData.Funds).Write(path, county, village.Rows, SampleFormat.Utf8Csv, "杞县惠民资金发放花名册");

        var result = data.Sync(path);

        Assert.Empty(result.Validation.Rejections);
        using var index = new LucenePaymentIndex(data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        var dibao = await index.SearchAsync(new PaymentQuery { RegionCode = Shizhuang, FundCode = "rural-dibao", PageSize = 1 });
        Assert.Equal(village.Rows.Count(r => r.Fund.Code == "rural-dibao"), dibao.TotalCount);
        Assert.Equal(village.Rows.Count, (await index.SearchAsync(new PaymentQuery { RegionCode = Shizhuang })).TotalCount);
    }
}
