using System.Net;
using System.Text.Json;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Api.Tests.Reports;

/// <summary>GET /api/v1/statistics/reports: how the offices within a region handled reports, small counts withheld.</summary>
public sealed class ReportStatisticsApiTests : IDisposable
{
    private readonly ApiAtSetClock _api = new();

    public void Dispose() => _api.Dispose();

    private async Task<JsonElement> Record(string query)
    {
        using var response = await _api.Client.GetAsync($"/api/v1/statistics/reports?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_citys_figures_include_its_counties_and_a_countys_only_its_own()
    {
        await _api.SeedAsync(async db =>
        {
            foreach (var day in new[] { "2026-05-06 09:00", "2026-05-07 09:00", "2026-05-08 09:00" }) await ReportStatisticsSample.AddAsync(db, "410221", day, acceptedAfterDays: 1);
            await ReportStatisticsSample.AddAsync(db, "410223", "2026-05-11 09:00", acceptedAfterDays: 2);
            // Filed on the last day of the May Day holiday, due on 25 May; accepted on the 30th, late but still in May.
            await ReportStatisticsSample.AddAsync(db, "4102", "2026-05-04 09:00", acceptedAfterDays: 26, category: ReportCategory.IntegrityDiscipline);
        });

        var city = await Record("region=4102&from=2026-05&to=2026-05");
        var county = await Record("region=410221&from=2026-05&to=2026-05");

        Assert.Equal(("4102", "2026-05", "2026-05"), (city.GetProperty("region").GetString(), city.GetProperty("from").GetString(), city.GetProperty("to").GetString()));
        Assert.Equal((5, 5), (city.GetProperty("received").GetInt32(), city.GetProperty("accepted").GetInt32()));
        Assert.Contains(city.GetProperty("offices").EnumerateArray(), o => o.GetProperty("code").GetString() == "410223");
        Assert.Equal(0.8, city.GetProperty("onTimeAcceptRate").GetDouble());
        Assert.Equal(3, county.GetProperty("received").GetInt32());
        Assert.Equal(["杞县纪委监委"], county.GetProperty("offices").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(1.0, county.GetProperty("onTimeAcceptRate").GetDouble());
        Assert.Equal(1, county.GetProperty("medianAcceptWorkingDays").GetDouble());
        Assert.Equal(3, county.GetProperty("byCategory").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "违反群众纪律").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task One_or_two_reports_are_the_string_fewer_than_three_and_their_rates_are_null()
    {
        await _api.SeedAsync(async db =>
        {
            await ReportStatisticsSample.AddAsync(db, "410221", "2026-05-06 09:00", acceptedAfterDays: 1);
            await ReportStatisticsSample.AddAsync(db, "410221", "2026-05-07 09:00", acceptedAfterDays: 1, refused: true);
        });

        var answer = await Record("region=410221&from=2026-05&to=2026-06");

        Assert.Equal("少于3", answer.GetProperty("received").GetString());
        Assert.Equal("少于3", answer.GetProperty("accepted").GetString());
        Assert.Equal("少于3", answer.GetProperty("refused").GetString());
        Assert.Equal(0, answer.GetProperty("concluded").GetInt32());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("onTimeAcceptRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("medianAcceptWorkingDays").ValueKind);
    }

    [Fact]
    public async Task Without_months_the_answer_covers_the_twelve_months_up_to_this_one()
    {
        var answer = await Record("region=4102");

        Assert.Equal(("2025-07", "2026-06"), (answer.GetProperty("from").GetString(), answer.GetProperty("to").GetString()));
    }

    [Theory]
    [InlineData("from=2026-01&to=2026-05", "region", "请用 region")]
    [InlineData("region=999999", "region", "不是已知的区划代码")]
    [InlineData("region=410221101", "region", "410221")]
    [InlineData("region=4101", "region", "本平台没有郑州市")]
    [InlineData("region=4102&from=2026-13", "from", "格式不对")]
    [InlineData("region=4102&from=2026-06&to=2026-01", "from", "晚于")]
    [InlineData("region=4102&to=june", "to", "截止月份")]
    public async Task A_bad_region_or_month_is_refused_with_a_chinese_message(string query, string parameter, string says)
    {
        using var response = await _api.Client.GetAsync($"/api/v1/statistics/reports?{query}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(says, problem.GetProperty("detail").GetString());
    }
}
