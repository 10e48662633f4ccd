using System.Net;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Payments;

[Collection(WebCollection.Name)]
public class IndexTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private List<SampleRow> Rows => factory.Data.Rows;

    private static Region TownshipOf(SampleRow row) => SampleData.Regions.Find(row.Person.Village.ParentCode)!;

    [Fact]
    public async Task Drill_down_shows_each_level_with_counts_and_totals_that_equal_the_sample_rows()
    {
        var total = (Rows.Count, Money.Total(Rows.Sum(r => r.Amount)));

        var country = await Html.Get(_client, "/payments");
        Assert.Equal(new Dictionary<string, (int, string)> { ["河南省"] = total }, Html.RegionRows(country));
        Assert.Equal(total, Html.Sum(country));
        Assert.Equal(total, Html.RegionRows(await Html.Get(_client, "/payments/41"))["开封市"]);
        Assert.Equal(total, Html.RegionRows(await Html.Get(_client, "/payments/4102"))["杞县"]);

        var county = await Html.Get(_client, "/payments/410221");
        var expectedTownships = Rows.GroupBy(TownshipOf).ToDictionary(g => g.Key.Name, g => (g.Count(), Money.Total(g.Sum(r => r.Amount))));
        Assert.Equal(expectedTownships.OrderBy(kv => kv.Key), Html.RegionRows(county).OrderBy(kv => kv.Key));

        var township = Rows.GroupBy(TownshipOf).OrderByDescending(g => g.Count()).First();
        var townshipPage = await Html.Get(_client, $"/payments/{township.Key.Code}");
        var expectedVillages = township.GroupBy(r => r.Person.Village).ToDictionary(
            g => RegionCatalog.DisplayName(g.Key), g => (g.Count(), Money.Total(g.Sum(r => r.Amount))));
        Assert.Equal(expectedVillages.OrderBy(kv => kv.Key), Html.RegionRows(townshipPage).OrderBy(kv => kv.Key));
        // Villages without payments are still listed, marked as such.
        var quiet = SampleData.Regions.Children("410221").First(t => Rows.All(r => r.Person.Village.ParentCode != t.Code));
        var silent = SampleData.Regions.Children(quiet.Code);
        Assert.NotEmpty(silent);
        Assert.Equal(silent.Select(RegionCatalog.DisplayName).Order(), Html.EmptyRegions(await Html.Get(_client, $"/payments/{quiet.Code}")).Order());
    }

    [Fact]
    public async Task Fund_and_period_filters_narrow_the_totals()
    {
        var period = Rows.Select(r => r.Period).Max();
        var expected = Rows.Where(r => r.Fund.Code == "rural-dibao" && r.Period == period).ToList();
        var html = await Html.Get(_client, $"/payments/410221?fund=rural-dibao&period={period}");
        Assert.Equal((expected.Count, Money.Total(expected.Sum(r => r.Amount))), Html.Sum(html));
        var table = html[html.IndexOf("class=\"payments\"", StringComparison.Ordinal)..];
        Assert.Contains("农村低保", table);
        Assert.DoesNotContain("高龄津贴", table);
    }

    [Fact]
    public async Task Village_page_lists_its_payments_with_masked_names_only()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var html = await Html.Get(_client, $"/payments/{village.Key.Code}?pageSize=100");

        Assert.Equal(village.Select(r => NameMask.Mask(r.Person.Name)).Order(), Html.MaskedNames(html).Order());
        Assert.Equal(village.Count(), CountOf(html, "href=\"/reports?paymentId="));
        Assert.Equal((village.Count(), Money.Total(village.Sum(r => r.Amount))), Html.Sum(html));
        Assert.Contains(RegionCatalog.DisplayName(village.Key), html);
    }

    [Fact]
    public async Task A_county_page_writes_every_township_total_in_万元_with_its_exact_yuan_and_every_row_in_exact_yuan()
    {
        var html = await Html.Get(_client, "/payments/410221");

        var totals = Html.RegionRows(html).Values.Select(v => v.Total).ToList();
        Assert.NotEmpty(totals);
        Assert.All(totals, t => Assert.Matches(@"^[\d,]+\.\d\d万元$", t));
        foreach (var township in Rows.GroupBy(TownshipOf))
            Assert.Contains($"title=\"{Money.Yuan(township.Sum(r => r.Amount))}\">{Money.Total(township.Sum(r => r.Amount))}</td>", html);
        Assert.Contains($"精确金额 {Money.Yuan(Rows.Sum(r => r.Amount))}", html);
        Assert.All(RowAmountTexts(html), a => Assert.Matches(@"^¥[\d,]+\.\d\d$", a));
    }

    [Fact]
    public async Task A_village_page_lists_rows_in_exact_yuan_and_its_total_in_万元_with_the_exact_figure_on_a_second_line()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var html = await Html.Get(_client, $"/payments/{village.Key.Code}");

        Assert.Equal(Money.Total(village.Sum(r => r.Amount)), Html.Sum(html).Total);
        Assert.EndsWith("万元", Html.Sum(html).Total);
        Assert.Contains($"<small class=\"exact\">精确金额 {Money.Yuan(village.Sum(r => r.Amount))}</small>", html);
        var amounts = RowAmountTexts(html);
        Assert.NotEmpty(amounts);
        Assert.All(amounts, a => Assert.Matches(@"^¥[\d,]+\.\d\d$", a));
    }

    private static List<string> RowAmountTexts(string html)
    {
        var table = html.IndexOf("class=\"payments\"", StringComparison.Ordinal);
        return table < 0 ? [] : System.Text.RegularExpressions.Regex.Matches(html[table..html.IndexOf("</table>", table, StringComparison.Ordinal)], "<td class=\"num\">([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task No_page_shows_a_full_name_ID_number_phone_or_bank_account()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First().Key;
        var township = SampleData.Regions.Find(village.ParentCode)!;
        string[] urls = ["/payments", "/payments/410221?pageSize=100", $"/payments/{township.Code}?pageSize=100", $"/payments/{village.Code}?pageSize=100", "/payments/410221?q=王&pageSize=100"];
        foreach (var url in urls)
        {
            var html = WebUtility.HtmlDecode(await Html.Get(_client, url));
            foreach (var person in Rows.Select(r => r.Person).Distinct())
            {
                Assert.DoesNotContain(person.IdNumber, html);
                Assert.DoesNotContain(person.Phone, html);
                Assert.DoesNotContain(person.BankAccount, html);
                Assert.DoesNotContain(">" + person.Name + "<", html);
                Assert.DoesNotContain("class=\"name\">" + person.Name, html);
            }
        }
    }

    [Fact]
    public async Task Paging_walks_through_the_whole_filtered_set_and_the_totals_cover_all_pages()
    {
        var expected = Rows.Where(r => r.Fund.Code == "elderly-allowance").ToList();
        string? url = "/payments/410221?fund=elderly-allowance&sort=amount-desc&pageSize=7";
        var amounts = new List<decimal>();
        var pages = 0;
        while (url is not null)
        {
            var html = await Html.Get(_client, url);
            Assert.Equal((expected.Count, Money.Total(expected.Sum(r => r.Amount))), Html.Sum(html));
            amounts.AddRange(Html.RowAmounts(html));
            url = Html.NextLink(html);
            pages++;
        }
        Assert.Equal((int)Math.Ceiling(expected.Count / 7.0), pages);
        Assert.Equal(expected.Select(r => r.Amount).OrderDescending(), amounts);
    }

    [Fact]
    public async Task Search_by_surname_lists_only_people_of_that_surname()
    {
        var surname = Rows.GroupBy(r => NameMask.Surname(r.Person.Name)).Where(g => g.Key.Length == 1).OrderByDescending(g => g.Count()).First();
        var html = await Html.Get(_client, $"/payments/410221?q={Uri.EscapeDataString(surname.Key)}&pageSize=100");
        var names = Html.MaskedNames(html);
        Assert.Equal(Math.Min(100, surname.Count()), names.Count);
        Assert.All(names, n => Assert.StartsWith(surname.Key, n));
        Assert.Equal(surname.Count(), Html.Sum(html).Count);
    }

    [Fact]
    public async Task Search_by_masked_name_finds_that_person()
    {
        var row = Rows.First();
        var masked = NameMask.Mask(row.Person.Name);
        var html = await Html.Get(_client, $"/payments/{row.Person.Village.Code}?q={Uri.EscapeDataString(masked)}");
        Assert.Contains(masked, Html.MaskedNames(html));
        Assert.All(Html.MaskedNames(html), n => Assert.Equal(masked, n));
    }

    [Fact]
    public async Task Region_page_draws_its_funds_as_accessible_svg_and_says_equal_months_in_a_sentence()
    {
        // Every sample person is paid the same each month: a monthly chart would be equal bars, so the page says it in words.
        var html = await Html.Get(_client, "/payments/410221");
        Assert.Equal(1, CountOf(html, "<svg role=\"img\""));
        Assert.Contains("<title id=\"chart-fund-t\">各项资金合计</title>", html);
        foreach (var fund in Rows.Select(r => r.Fund).Distinct()) Assert.Contains(fund.Name, html);
        var months = Rows.Select(r => r.Period).Distinct().Order().ToList();
        var monthly = Rows.Where(r => r.Period == months[0]).ToList();
        Assert.Contains($"{months[0].ToChinese()}至{months[^1].ToChinese()}，每月都发放 {Money.Yuan(monthly.Sum(r => r.Amount))}（{monthly.Count} 笔）。", html);
    }

    [Fact]
    public async Task A_village_page_leads_with_the_total_and_the_list_the_filters_folded_into_one_line_the_charts_after()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First().Key;
        var html = await Html.Get(_client, $"/payments/{village.Code}");

        var order = new[] { "<h2 class=\"sum\">发放明细：共", "<details class=\"filters\">", "<summary>筛选：全部资金 · 全部月份</summary>", "<table class=\"payments\">", "<section class=\"charts\">" }
            .Select(part => html.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task The_fund_filter_offers_only_the_funds_paid_in_the_village()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var html = await Html.Get(_client, $"/payments/{village.Key.Code}");

        var select = html[html.IndexOf("<select name=\"fund\">", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        var offered = System.Text.RegularExpressions.Regex.Matches(select, "<option value=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(village.Select(r => r.Fund.Code).Distinct().Order(), offered.Order());
    }

    [Fact]
    public async Task A_chart_that_would_show_one_bar_or_equal_bars_is_a_sentence()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var fund = village.First().Fund;
        var period = village.First().Period;
        var html = await Html.Get(_client, $"/payments/{village.Key.Code}?fund={fund.Code}&period={period}");

        Assert.DoesNotContain("<svg", html);
        var rows = village.Where(r => r.Fund == fund && r.Period == period).ToList();
        Assert.Equal((rows.Count, Money.Total(rows.Sum(r => r.Amount))), Html.Sum(html));
    }

    [Fact]
    public async Task An_empty_list_says_which_filter_found_nothing_links_to_clear_it_and_draws_no_chart()
    {
        var village = Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First().Key;
        var html = await Html.Get(_client, $"/payments/{village.Code}?q=%E9%9D%9E");

        Assert.Equal(0, Html.Sum(html).Count);
        Assert.Contains("按“全部资金 · 全部月份 · 姓名“非””筛选，没有找到公开的发放记录。", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal($"/payments/{village.Code}", Html.Link(html, "清除筛选"));
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("class=\"charts\"", html);
    }

    [Fact]
    public async Task A_full_name_typed_into_the_name_box_is_explained_as_masked_and_leads_to_the_own_lookup()
    {
        var row = Rows.First(r => r.Person.Name.Length == 3);
        var html = System.Net.WebUtility.HtmlDecode(await Html.Get(_client, $"/payments/{row.Person.Village.Code}?q={Uri.EscapeDataString(row.Person.Name)}"));
        var masked = NameMask.Mask(row.Person.Name);

        Assert.Contains($"“{row.Person.Name}”在名单上显示为“<b class=\"name\">{masked}</b>”", html);
        Assert.Equal($"/payments/{row.Person.Village.Code}?q={Uri.EscapeDataString(masked).Replace("%2A", "*")}", Html.Link(html, $"在名单中找“{masked}” ›"));
        Assert.Equal($"/payments/lookup?name={Uri.EscapeDataString(row.Person.Name)}", Html.Link(html, "本人查询：用姓名和身份证号查看自己的领取记录 ›"));
        Assert.DoesNotContain(row.Person.IdNumber, html);
        var lookup = await Html.Get(_client, $"/payments/lookup?name={Uri.EscapeDataString(row.Person.Name)}");
        Assert.Contains($"<input name=\"name\" value=\"{row.Person.Name}\"", lookup);
        Assert.Contains("<input name=\"idNumber\" maxlength=\"20\" required", lookup);
    }

    [Fact]
    public async Task A_page_of_fifty_payments_stays_under_30_KB_compressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/payments/410221?pageSize=50");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1, 30 * 1024);
    }

    [Theory]
    [InlineData("period=2026-13", "月份")]
    [InlineData("period=May", "月份")]
    [InlineData("page=0", "页码")]
    [InlineData("page=abc", "页码")]
    [InlineData("pageSize=101", "每页条数")]
    [InlineData("sort=random", "排序")]
    [InlineData("fund=no-such-fund", "资金")]
    public async Task A_malformed_filter_is_refused_with_400_and_advice_in_Chinese(string query, string subject)
    {
        var html = await Html.Get(_client, "/payments/410221?" + query, HttpStatusCode.BadRequest);
        Assert.Contains("查询条件有误", html);
        Assert.Contains(subject, html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task An_unknown_region_is_404_in_Chinese()
    {
        var html = await Html.Get(_client, "/payments/999999", HttpStatusCode.NotFound);
        Assert.Contains("没有这个地区", html);
    }

    [Fact]
    public async Task An_oversized_query_string_is_refused_with_400_in_Chinese()
    {
        var html = await Html.Get(_client, "/payments/410221?q=" + new string('a', 3000), HttpStatusCode.BadRequest);
        Assert.Contains("网址太长", html);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
