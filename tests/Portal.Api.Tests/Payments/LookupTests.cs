using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Portal.Api.Payments;
using Portal.Core.Privacy;
using Portal.Tests;

namespace Portal.Api.Tests.Payments;

[Collection(ApiCollection.Name)]
public class LookupTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly SampleData _data = factory.Data;

    /// <summary>A checksum-valid ID number of nobody in the sample (Beijing, where the sample has no one).</summary>
    private static readonly string Stranger = "11010119900307123" + IdNumber.CheckCharacter("11010119900307123");

    [Fact]
    public async Task Lookup_finds_a_persons_own_payments_without_echoing_their_name_or_id_number()
    {
        var person = _data.Rows[0].Person;

        var response = await _client.PostAsJsonAsync("/api/v1/payments/lookup", new { name = person.Name, idNumber = person.IdNumber });

        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonSerializer.Deserialize<OwnPaymentsAnswer>(body, JsonSerializerOptions.Web)!;
        var own = _data.Rows.Where(r => r.Person == person).ToList();
        Assert.Equal(own.Count, answer.TotalCount);
        Assert.Equal(own.Sum(r => r.Amount), answer.TotalAmount);
        Assert.All(answer.Items, i => Assert.Equal(NameMask.Mask(person.Name), i.MaskedName));
        Assert.DoesNotContain(person.IdNumber, body);
        Assert.DoesNotContain(person.Name, body);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Lookup_of_someone_unknown_answers_the_same_shape_with_no_payments()
    {
        var person = _data.Rows[0].Person;

        var known = await Lookup(person.Name, person.IdNumber);
        var unknown = await Lookup("张三丰", Stranger);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var knownJson = JsonDocument.Parse(await known.Content.ReadAsStringAsync()).RootElement;
        var unknownJson = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(knownJson.EnumerateObject().Select(p => p.Name), unknownJson.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, unknownJson.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, unknownJson.GetProperty("items").GetArrayLength());
        Assert.True(unknown.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("410221199001011230")]
    [InlineData("")]
    public async Task Lookup_with_an_invalid_id_number_is_a_400_problem_in_chinese(string idNumber)
    {
        var response = await Lookup("张三丰", idNumber);

        var problem = await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("idNumber", problem.GetProperty("parameter").GetString());
        if (idNumber.Length > 0) Assert.DoesNotContain(idNumber, problem.GetRawText());
    }

    [Fact]
    public async Task Lookup_with_malformed_json_is_a_400_problem_in_chinese()
    {
        var response = await _client.PostAsync("/api/v1/payments/lookup", new StringContent("{\"name\": \"张三", Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Too_many_lookups_for_one_name_are_refused_whatever_the_id_number()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Portal:Lookup:Throttle:PerNameLimit", "2"));
        var client = strict.CreateClient();
        var person = factory.Data.Rows[0].Person;
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/payments/lookup", new { name = person.Name, idNumber = person.IdNumber })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/payments/lookup", new { name = person.Name, idNumber = factory.Data.Rows[^1].Person.IdNumber });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("查询次数", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Too_many_lookups_from_one_address_are_refused_with_a_429_problem_in_chinese()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Portal:RateLimits:LookupPermitLimit", "2"));
        using var client = strict.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await client.PostAsJsonAsync("/api/v1/payments/lookup", new { name = "张三丰", idNumber = Stranger }));

        Assert.All(answers.Take(2), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await Problems.AssertProblem(answers[2], HttpStatusCode.TooManyRequests);
        Assert.NotNull(answers[2].Headers.RetryAfter);
    }

    private Task<HttpResponseMessage> Lookup(string name, string idNumber) =>
        _client.PostAsJsonAsync("/api/v1/payments/lookup", new { name, idNumber });
}
