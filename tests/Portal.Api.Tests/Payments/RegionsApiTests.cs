using System.Net;
using System.Net.Http.Json;
using Portal.Api.Payments;
using Portal.Core.Regions;
using Portal.Tests;

namespace Portal.Api.Tests.Payments;

[Collection(ApiCollection.Name)]
public class RegionsApiTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly SampleData _data = factory.Data;

    [Fact]
    public async Task Funds_list_shows_every_fund_with_its_department_limit_and_publication_months()
    {
        var funds = await _client.GetFromJsonAsync<List<FundAnswer>>("/api/v1/funds");

        Assert.Equal(SampleData.Funds.All.Select(f => (f.Code, f.Name, f.Department, f.MaxAmount, f.PublicationMonths)),
            funds!.Select(f => (f.Code, f.Name, f.Department, f.MaxAmount, f.PublicationMonths)));
    }

    [Fact]
    public async Task A_village_is_found_by_its_pinyin_with_its_county_and_township_homonyms_included()
    {
        var answer = await _client.GetFromJsonAsync<VillageSearchAnswer>("/api/v1/regions/search?q=shizhuang");

        Assert.Equal("shizhuang", answer!.Query);
        Assert.Equal(VillageSearch.MaxResults, answer.Limit);
        Assert.Equal(("410221101201", "史庄村", "河南省开封市杞县五里河镇", true), (answer.Villages[0].Code, answer.Villages[0].Name, answer.Villages[0].Place, answer.Villages[0].Served));
        Assert.Contains(answer.Villages, v => v.Code == "410223200209");
        Assert.True(answer.TotalCount > answer.Villages.Count);
    }

    [Fact]
    public async Task A_village_search_too_short_is_a_problem_naming_the_parameter()
    {
        var response = await _client.GetAsync("/api/v1/regions/search?q=%E5%8F%B2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请至少输入 2 个字", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task County_shows_its_townships_with_counts_and_totals_of_their_payments()
    {
        var county = await _client.GetFromJsonAsync<RegionAnswer>("/api/v1/regions/410221");

        AssertTotals(county!, "410221");
        Assert.Equal(SampleData.Regions.Children("410221").Select(r => r.Code), county!.Children.Select(c => c.Code));
        foreach (var township in county.Children) AssertTotals(township.Count, township.TotalAmount, township.Code);
        Assert.Equal(["河南省", "开封市"], county.Path.Select(p => p.Name));
    }

    [Fact]
    public async Task Township_shows_its_villages_with_counts_and_totals_of_their_payments()
    {
        var townshipCode = _data.Rows[0].Person.Village.ParentCode!;

        var township = await _client.GetFromJsonAsync<RegionAnswer>($"/api/v1/regions/{townshipCode}");

        AssertTotals(township!, townshipCode);
        Assert.Equal("township", township!.Level);
        Assert.Contains(township.Children, c => c.Count > 0);
        foreach (var village in township.Children) AssertTotals(village.Count, village.TotalAmount, village.Code);
    }

    [Fact]
    public async Task Village_shows_its_own_count_and_total_and_the_way_up_to_the_province()
    {
        var villageCode = _data.Rows[0].Person.Village.Code;

        var village = await _client.GetFromJsonAsync<RegionAnswer>($"/api/v1/regions/{villageCode}");

        AssertTotals(village!, villageCode);
        Assert.Empty(village!.Children);
        Assert.Equal(["province", "city", "county", "township"], village.Path.Select(p => p.Level));
        Assert.DoesNotContain("委员会", village.Name);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("root")]
    public async Task Whole_country_counts_every_payment(string code)
    {
        var country = await _client.GetFromJsonAsync<RegionAnswer>($"/api/v1/regions/{code}");

        AssertTotals(country!, "");
        Assert.Equal(_data.Rows.Count, country!.Children.Single(c => c.Code == "41").Count);
    }

    [Fact]
    public async Task Region_filtered_by_fund_and_period_counts_only_those_payments()
    {
        var row = _data.Rows[0];

        var county = await _client.GetFromJsonAsync<RegionAnswer>($"/api/v1/regions/410221?fund={row.Fund.Code}&period={row.Period}");

        var expected = _data.Rows.Where(r => r.Fund.Code == row.Fund.Code && r.Period == row.Period).ToList();
        Assert.Equal(expected.Count, county!.Count);
        Assert.Equal(expected.Sum(r => r.Amount), county.TotalAmount);
        Assert.True(county.Count < _data.Rows.Count);
    }

    [Fact]
    public async Task Unknown_region_is_a_404_problem_in_chinese()
    {
        var response = await _client.GetAsync("/api/v1/regions/999999");

        await Problems.AssertProblem(response, HttpStatusCode.NotFound);
    }

    private void AssertTotals(RegionAnswer region, string code) => AssertTotals(region.Count, region.TotalAmount, code);

    private void AssertTotals(int count, decimal total, string code)
    {
        var under = _data.Rows.Where(r => r.Person.Village.Code.StartsWith(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(under.Count, count);
        Assert.Equal(under.Sum(r => r.Amount), total);
    }
}
