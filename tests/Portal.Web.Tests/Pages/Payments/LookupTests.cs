using System.Net;
using System.Text.RegularExpressions;
using Portal.Core.Payments;
using Portal.Core.Privacy;

namespace Portal.Web.Tests.Pages.Payments;

[Collection(WebCollection.Name)]
public class LookupTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A well-formed ID number nobody in the sample data has.</summary>
    private static string UnknownIdNumber(string first17 = "11010519491231002") => first17 + IdNumber.CheckCharacter(first17);

    private async Task<HttpResponseMessage> Ask(string name, string idNumber)
    {
        var form = await Html.Get(_client, "/payments/lookup");
        return await _client.PostAsync("/payments/lookup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["idNumber"] = idNumber, ["af"] = Html.AntiforgeryToken(form),
        }));
    }

    [Fact]
    public async Task A_villager_finds_their_own_payments_and_the_page_never_shows_their_name_or_ID_number()
    {
        var person = factory.Data.Rows.GroupBy(r => r.Person).OrderByDescending(g => g.Count()).First();
        var response = await Ask(person.Key.Name, person.Key.IdNumber.ToLowerInvariant());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal((person.Count(), Money.Total(person.Sum(r => r.Amount))), Html.Sum(html));
        Assert.Equal(person.Count(), Html.MaskedNames(html).Count(n => n == NameMask.Mask(person.Key.Name)));
        Assert.DoesNotContain(person.Key.IdNumber, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Key.Name, html);
    }

    [Fact]
    public async Task An_unknown_person_gets_the_same_page_as_anyone_without_records()
    {
        var first = await Ask("查无此人", UnknownIdNumber());
        var second = await Ask("张三丰", UnknownIdNumber("41022119800101003"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = WithoutToken(await first.Content.ReadAsStringAsync());
        var b = WithoutToken(await second.Content.ReadAsStringAsync());
        Assert.Contains("未查到公示记录", a);
        Assert.Equal(a, b);
        Assert.DoesNotContain("查无此人", a);
    }

    [Theory]
    [InlineData("11010519491231002", "18 位")]
    [InlineData("110105194912310", "15 位")]
    [InlineData("110105194913310021", "出生日期")]
    [InlineData("", "请输入身份证号")]
    public async Task A_malformed_ID_number_gets_a_Chinese_explanation_without_echoing_it(string idNumber, string explanation)
    {
        var response = await Ask("王秀英", idNumber);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(explanation, html);
        Assert.DoesNotContain("查询结果", html);
        if (idNumber.Length > 0) Assert.DoesNotContain(idNumber, html);
        Assert.DoesNotContain("王秀英", html);
    }

    [Fact]
    public async Task An_ID_number_with_a_wrong_check_character_gets_a_Chinese_explanation()
    {
        var valid = UnknownIdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var html = await (await Ask("王秀英", wrong)).Content.ReadAsStringAsync();
        Assert.Contains("最后一位对不上", html);
        Assert.DoesNotContain(wrong, html);
    }

    [Fact]
    public async Task Nothing_a_villager_types_reaches_the_logs()
    {
        var people = factory.Data.Rows.Select(r => r.Person).Distinct().Take(10).ToList();
        foreach (var person in people) Assert.Equal(HttpStatusCode.OK, (await Ask(person.Name, person.IdNumber)).StatusCode);
        await Html.Get(_client, $"/payments/{people[0].Village.Code}?q={Uri.EscapeDataString(people[0].Name[..1])}");

        var logs = factory.Logs.Text;
        Assert.Contains("/payments/lookup", logs);
        foreach (var person in factory.Data.Rows.Select(r => r.Person).Distinct())
            foreach (var secret in new[] { person.Name, person.IdNumber, person.Phone, person.BankAccount })
                Assert.DoesNotContain(secret, logs);
    }

    [Fact]
    public async Task The_lookup_form_is_never_cached()
    {
        var response = await _client.GetAsync("/payments/lookup");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("method=\"post\"", await response.Content.ReadAsStringAsync());
    }

    private static string WithoutToken(string html) => Regex.Replace(html, "name=\"af\"[^>]*value=\"[^\"]+\"", "");
}
