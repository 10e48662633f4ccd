using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Portal.Api.Payments;
using Portal.Core.Privacy;
using Portal.Tests;

namespace Portal.Api.Tests.Payments;

[Collection(ApiCollection.Name)]
public class PaymentsSearchTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly SampleData _data = factory.Data;

    public static TheoryData<string> RegionLevels => new() { "province", "city", "county", "township", "village" };

    [Theory]
    [MemberData(nameof(RegionLevels))]
    public async Task Payments_of_a_region_at_any_level_are_the_ones_under_it(string level)
    {
        var village = _data.Rows[0].Person.Village.Code;
        var code = level switch { "province" => village[..2], "city" => village[..4], "county" => village[..6], "township" => village[..9], _ => village };

        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>($"/api/v1/payments?region={code}&pageSize=100");

        var under = _data.Rows.Where(r => r.Person.Village.Code.StartsWith(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(under.Count, page!.TotalCount);
        Assert.All(page.Items, p => Assert.StartsWith(code, p.Village.Code));
    }

    [Fact]
    public async Task Totals_cover_every_matching_payment_while_the_page_holds_page_size_items()
    {
        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>("/api/v1/payments?region=410221&page=2&pageSize=7");

        Assert.Equal(7, page!.Items.Count);
        Assert.Equal((2, 7), (page.Page, page.PageSize));
        Assert.Equal(_data.Rows.Count, page.TotalCount);
        Assert.Equal(_data.Rows.Sum(r => r.Amount), page.TotalAmount);
    }

    [Fact]
    public async Task Next_link_leads_to_the_following_page_and_the_last_page_has_none()
    {
        var first = await _client.GetFromJsonAsync<PaymentPageAnswer>("/api/v1/payments?region=410221&pageSize=50&sort=name");
        var second = await _client.GetFromJsonAsync<PaymentPageAnswer>(first!.Next);
        var lastPage = (_data.Rows.Count + 49) / 50;
        var last = await _client.GetFromJsonAsync<PaymentPageAnswer>($"/api/v1/payments?region=410221&pageSize=50&sort=name&page={lastPage}");

        Assert.Equal(2, second!.Page);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Null(last!.Next);
    }

    [Fact]
    public async Task Payment_items_name_the_fund_village_township_and_county()
    {
        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>("/api/v1/payments?region=410221&pageSize=1");

        var item = page!.Items.Single();
        var village = SampleData.Regions.Find(item.Village.Code)!;
        Assert.Equal(SampleData.Funds.ByCode(item.Fund.Code)!.Name, item.Fund.Name);
        Assert.Equal(SampleData.Regions.Find(village.ParentCode)!.Name, item.Village.TownshipName);
        Assert.Equal("杞县", item.Village.CountyName);
        Assert.Matches(@"^\d{4}-\d{2}$", item.Period);
    }

    [Theory]
    [InlineData("amount-desc")]
    [InlineData("amount-asc")]
    public async Task Sorting_by_amount_orders_the_payments_by_amount(string sort)
    {
        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>($"/api/v1/payments?region=410221&sort={sort}&pageSize=100");

        var amounts = page!.Items.Select(i => i.Amount).ToList();
        var descending = sort == "amount-desc";
        Assert.Equal(descending ? amounts.OrderDescending() : amounts.Order(), amounts);
        Assert.Equal(descending ? _data.Rows.Max(r => r.Amount) : _data.Rows.Min(r => r.Amount), amounts[0]);
    }

    [Fact]
    public async Task Filtering_by_fund_and_period_returns_only_those_payments()
    {
        var row = _data.Rows[0];

        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>($"/api/v1/payments?region=410221&fund={row.Fund.Code}&period={row.Period}&pageSize=100");

        var expected = _data.Rows.Where(r => r.Fund.Code == row.Fund.Code && r.Period == row.Period).ToList();
        Assert.Equal(expected.Count, page!.TotalCount);
        Assert.Equal(expected.Sum(r => r.Amount), page.TotalAmount);
        Assert.All(page.Items, i => Assert.Equal((row.Fund.Code, row.Period.ToString()), (i.Fund.Code, i.Period)));
    }

    [Fact]
    public async Task Surname_search_finds_the_payments_of_everyone_with_that_surname()
    {
        var surname = _data.Rows.Select(r => NameMask.Surname(r.Person.Name)).Where(s => s.Length == 1)
            .GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;

        var page = await _client.GetFromJsonAsync<PaymentPageAnswer>($"/api/v1/payments?q={Uri.EscapeDataString(surname)}&pageSize=100");

        Assert.Equal(_data.Rows.Count(r => NameMask.Surname(r.Person.Name) == surname), page!.TotalCount);
        Assert.All(page.Items, i => Assert.StartsWith(surname, i.MaskedName));
    }

    [Fact]
    public async Task Amounts_in_json_are_the_exact_decimals_of_the_source()
    {
        var json = await _client.GetStringAsync("/api/v1/payments?region=410221&pageSize=100");

        var root = JsonDocument.Parse(json).RootElement;
        // Summing hundreds of amounts as doubles drifts off the cent; the raw JSON number must equal the decimal sum.
        Assert.Equal(_data.Rows.Sum(r => r.Amount), decimal.Parse(root.GetProperty("totalAmount").GetRawText(), CultureInfo.InvariantCulture));
        var source = _data.Rows.Select(r => (NameMask.Mask(r.Person.Name), r.Person.Village.Code, r.Fund.Code, r.Period.ToString(), r.Amount)).ToHashSet();
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            var amount = decimal.Parse(item.GetProperty("amount").GetRawText(), CultureInfo.InvariantCulture);
            Assert.Contains((item.GetProperty("maskedName").GetString()!, item.GetProperty("village").GetProperty("code").GetString()!,
                item.GetProperty("fund").GetProperty("code").GetString()!, item.GetProperty("period").GetString()!, amount), source);
        }
    }

    [Theory]
    [InlineData("period=2026-13", "period", "yyyy-MM")]
    [InlineData("pageSize=1000", "pageSize", "1 到 100")]
    [InlineData("page=0", "page", "从 1 开始")]
    [InlineData("page=101&pageSize=100", "page", "最多翻到第 100 页")]
    [InlineData("sort=cheapest", "sort", "amount-desc")]
    [InlineData("fund=lottery", "fund", "/api/v1/funds")]
    [InlineData("region=999999", "region", "区划代码")]
    public async Task A_bad_filter_is_a_400_problem_saying_what_to_send(string query, string parameter, string hint)
    {
        var response = await _client.GetAsync("/api/v1/payments?" + query);

        var problem = await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(hint, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_name_of_up_to_thirty_characters_is_searched_as_on_the_site_and_a_longer_one_is_refused()
    {
        var thirty = await _client.GetAsync("/api/v1/payments?region=410221&q=" + new string('张', 30));
        var longer = await _client.GetAsync("/api/v1/payments?region=410221&q=" + new string('张', 31));

        Assert.Equal(HttpStatusCode.OK, thirty.StatusCode);
        var problem = await Problems.AssertProblem(longer, HttpStatusCode.BadRequest);
        Assert.Equal("q", problem.GetProperty("parameter").GetString());
        Assert.Contains("30", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Public_answers_may_be_kept_briefly_by_phones_and_proxies_also_when_served_from_the_cache()
    {
        var first = await _client.GetAsync("/api/v1/regions/4102");
        var cached = await _client.GetAsync("/api/v1/regions/4102");

        Assert.True(cached.Headers.Age.HasValue, "the second answer should come from the output cache");
        foreach (var response in new[] { first, cached })
        {
            Assert.True(response.Headers.CacheControl?.Public);
            Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl?.MaxAge);
        }
    }

    [Fact]
    public async Task Name_searches_are_limited_per_address_while_browsing_is_not()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Portal:RateLimits:SearchPermitLimit", "1"));
        using var client = strict.CreateClient();

        var browsing = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) browsing.Add(await client.GetAsync("/api/v1/payments?region=410221"));
        var firstSearch = await client.GetAsync("/api/v1/payments?q=%E5%BC%A0");
        var secondSearch = await client.GetAsync("/api/v1/payments?q=%E7%8E%8B");

        Assert.All(browsing, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, firstSearch.StatusCode);
        await Problems.AssertProblem(secondSearch, HttpStatusCode.TooManyRequests);
    }
}
