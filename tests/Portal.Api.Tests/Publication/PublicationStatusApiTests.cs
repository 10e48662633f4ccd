using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Payments;
using Portal.Api.Publication;
using Portal.Tests;

namespace Portal.Api.Tests.Publication;

/// <summary>GET /api/v1/publication-status and the withdrawals in the payments answer, over a ledger written at set times.</summary>
public sealed class PublicationStatusApiTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly SetClock _clock = new(new DateTimeOffset(2026, 4, 10, 10, 0, 0, Beijing));
    private readonly PortalApiFactory _factory = new();
    private readonly WebApplicationFactory<Program> _api;
    private readonly HttpClient _client;

    public PublicationStatusApiTests()
    {
        _api = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _client = _api.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _api.Dispose();
        _factory.Dispose();
    }

    private async Task PublishHistory()
    {
        await PublicationSample.PublishAsync(_factory.Data, _api.Services, "2026-03");
        _clock.Now = new DateTimeOffset(2026, 6, 16, 10, 0, 0, Beijing);
        await PublicationSample.PublishAsync(_factory.Data, _api.Services, "2026-05");
    }

    [Fact]
    public async Task A_county_answers_each_fund_with_its_periods_published_late_missing_or_withdrawn()
    {
        await PublishHistory();
        _clock.Now = new DateTimeOffset(2026, 6, 20, 15, 30, 0, Beijing);
        await PublicationSample.WithdrawAsync(_api.Services, "2026-03", "发放名单有误，核实后重新公开");

        var answer = await _client.GetFromJsonAsync<PublicationStatusAnswer>("/api/v1/publication-status?region=410221");

        Assert.Equal(("410221", "杞县"), (answer!.Region, answer.Name));
        var fund = Assert.Single(answer.Funds);
        Assert.Equal(("rural-dibao", "农村低保", "民政", "monthly"), (fund.Code, fund.Name, fund.Department, fund.Frequency));
        Assert.Equal(["2026-05", "2026-04", "2026-03"], fund.Periods.Select(p => p.Period));
        Assert.Equal(["late", "missing", "withdrawn"], fund.Periods.Select(p => p.Status));
        var may = fund.Periods[0];
        Assert.Equal((3, 0, new DateOnly(2026, 6, 15)), (may.Rows, may.Rejected, may.DueDate));
        Assert.Equal(new DateTimeOffset(2026, 6, 16, 10, 0, 0, Beijing), may.PublishedAt);
        Assert.Equal(["杞县民政局"], may.Departments);
        var withdrawal = Assert.Single(fund.Periods[2].Withdrawals);
        Assert.Equal(("410221101201", "史庄村", "发放名单有误，核实后重新公开", 3), (withdrawal.Village, withdrawal.VillageName, withdrawal.Reason, withdrawal.Rows));
        Assert.Equal(new DateTimeOffset(2026, 6, 20, 15, 30, 0, Beijing), withdrawal.WithdrawnAt);
    }

    [Fact]
    public async Task The_payments_answer_for_a_withdrawn_village_month_says_so_instead_of_an_unexplained_empty_list()
    {
        await PublishHistory();
        await PublicationSample.WithdrawAsync(_api.Services, "2026-05", "名单有误");

        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>("/api/v1/payments?region=410221101201&fund=rural-dibao&period=2026-05");

        Assert.Empty(page!.Items);
        var withdrawn = Assert.Single(page.Withdrawals);
        Assert.Equal(("rural-dibao", "2026-05", "名单有误", "杞县民政局"), (withdrawn.Fund, withdrawn.Period, withdrawn.Reason, withdrawn.Department));
        var march = await _client.GetFromJsonAsync<PaymentPageAnswer>("/api/v1/payments?region=410221101201&fund=rural-dibao&period=2026-03");
        Assert.Equal(3, march!.TotalCount);
        Assert.Empty(march.Withdrawals);
    }

    [Fact]
    public async Task A_cached_answer_shows_a_new_ledger_line_within_seconds()
    {
        await PublishHistory();
        // Served from the output cache once the ledger watcher has taken in the history (it evicts what it finds new).
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            await _client.GetStringAsync("/api/v1/publication-status?region=410221");
            return (await _client.GetAsync("/api/v1/publication-status?region=410221")).Headers.Age is not null;
        }), "the answer was never served from the output cache");
        Assert.DoesNotContain("withdrawn", await _client.GetStringAsync("/api/v1/publication-status?region=410221"));

        await PublicationSample.WithdrawAsync(_api.Services, "2026-05", "名单有误");

        Assert.True(await Eventually.HoldsAsync(async () => (await _client.GetStringAsync("/api/v1/publication-status?region=410221")).Contains("\"withdrawn\"")),
            "the cached answer never showed the withdrawal");
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "?region=410221")]
    [InlineData("?region=410221101", HttpStatusCode.NotFound, "6 位县级代码")]
    [InlineData("?region=999999", HttpStatusCode.NotFound, "6 位县级代码")]
    public async Task A_region_that_is_not_a_county_gets_a_problem_saying_what_to_send(string query, HttpStatusCode status, string advice)
    {
        var problem = await Problems.AssertProblem(await _client.GetAsync("/api/v1/publication-status" + query), status);
        Assert.Contains(advice, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_answer_holds_no_name_or_id_number_of_the_published_files()
    {
        await PublishHistory();
        var files = string.Concat(Directory.EnumerateFiles(_factory.Data.InputDirectory, "dibao-*.csv").Select(File.ReadAllText));
        Assert.All(PublicationSample.People, p => Assert.Contains(p.Name, files));

        var json = JsonSerializer.Deserialize<JsonElement>(await _client.GetStringAsync("/api/v1/publication-status?region=410221")).ToString();

        Assert.Contains("杞县民政局", json);
        foreach (var (name, id) in PublicationSample.People)
        {
            Assert.DoesNotContain(name, json);
            Assert.DoesNotContain(id, json);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoint_with_an_example()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/publication-status", document);
        Assert.Contains("发放名单有误，核实后重新公开", document);
    }
}
