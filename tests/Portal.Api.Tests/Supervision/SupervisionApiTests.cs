using System.Net;
using System.Text.Json;
using Portal.Core.Supervision;
using Portal.Tests;

namespace Portal.Api.Tests.Supervision;

/// <summary>GET /api/v1/supervision/summary: aggregates of payments checked and clues, from township up, small counts withheld.</summary>
public sealed class SupervisionApiTests : IDisposable
{
    private const string Village = PublicationSample.Village;
    private readonly ApiAtSetClock _api = new();

    public void Dispose() => _api.Dispose();

    private async Task<JsonElement> Summary(string region)
    {
        using var response = await _api.Client.GetAsync($"/api/v1/supervision/summary?region={region}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_county_answers_its_figures_its_months_and_its_townships()
    {
        await _api.SeedAsync(async db =>
        {
            await SupervisionSample.AddPaymentsAsync(db, Village, 202605, 12);
            foreach (var recovered in new[] { 400m, 300m, 50.5m }) await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Rectified, recovered);
            await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Open);
        });

        var answer = await Summary("410221");

        Assert.Equal(("410221", "杞县", "2025-07", "2026-06"),
            (answer.GetProperty("region").GetString(), answer.GetProperty("name").GetString(), answer.GetProperty("from").GetString(), answer.GetProperty("to").GetString()));
        Assert.Equal((12, 4, 3, 3), (answer.GetProperty("checked").GetInt32(), answer.GetProperty("flagged").GetInt32(),
            answer.GetProperty("confirmed").GetInt32(), answer.GetProperty("rectified").GetInt32()));
        Assert.Equal(750.5m, answer.GetProperty("recoveredAmount").GetDecimal());
        var month = Assert.Single(answer.GetProperty("periods").EnumerateArray());
        Assert.Equal(("2026-05", 12), (month.GetProperty("period").GetString(), month.GetProperty("checked").GetInt32()));
        var township = Assert.Single(answer.GetProperty("parts").EnumerateArray());
        Assert.Equal(Village[..9], township.GetProperty("region").GetString());
    }

    [Fact]
    public async Task One_or_two_are_the_string_fewer_than_three_and_their_amount_is_null()
    {
        await _api.SeedAsync(async db =>
        {
            await SupervisionSample.AddPaymentsAsync(db, Village, 202605, 5);
            await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Rectified, 400);
        });

        var answer = await Summary(Village[..9]);

        Assert.Equal(5, answer.GetProperty("checked").GetInt32());
        Assert.Equal(["少于3", "少于3", "少于3"], new[] { "flagged", "confirmed", "rectified" }.Select(p => answer.GetProperty(p).GetString()));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("recoveredAmount").ValueKind);
        Assert.DoesNotContain("400", answer.GetProperty("periods").GetRawText());
    }

    [Fact]
    public async Task The_answer_names_no_village_and_carries_nothing_of_a_clue()
    {
        await _api.SeedAsync(async db =>
        {
            await SupervisionSample.AddPaymentsAsync(db, Village, 202605, 5);
            for (var i = 0; i < 3; i++) await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Open);
        });

        var answers = new[] { await Summary("4102"), await Summary("410221"), await Summary(Village[..9]) };
        var text = string.Join("\n", answers.SelectMany(Strings));

        Assert.Contains(Village[..9], text);
        Assert.Contains("五里河镇", text);
        Assert.DoesNotContain(Village, text);
        Assert.DoesNotContain("史庄", text);
        Assert.DoesNotContain("张*", text);
        Assert.DoesNotContain("死亡日期", text);
        Assert.DoesNotContain("may.csv", text);
    }

    [Fact]
    public async Task A_village_is_refused_with_its_townships_code_and_a_missing_or_unknown_region_says_what_to_send()
    {
        using var village = await _api.Client.GetAsync($"/api/v1/supervision/summary?region={Village}");
        var refusal = (await Problems.AssertProblem(village, HttpStatusCode.BadRequest)).GetProperty("detail").GetString();
        Assert.Contains("只公开到乡镇一级", refusal);
        Assert.Contains(Village[..9], refusal);

        using var missing = await _api.Client.GetAsync("/api/v1/supervision/summary");
        Assert.Contains("region", (await Problems.AssertProblem(missing, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());

        using var unknown = await _api.Client.GetAsync("/api/v1/supervision/summary?region=999999");
        Assert.Contains("不是已知的区划代码", (await Problems.AssertProblem(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
