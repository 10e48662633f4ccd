using System.Net;
using System.Text;

namespace Portal.Api.Tests;

[Collection(ApiCollection.Name)]
public class RequestLimitTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_oversized_query_string_is_refused_with_a_problem_in_chinese()
    {
        var response = await _client.GetAsync("/api/v1/payments?q=" + new string('a', 3000));

        await Problems.AssertProblem(response, HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task A_normal_query_string_is_served()
    {
        var response = await _client.GetAsync("/api/v1/payments?region=410221&q=" + new string('a', 20));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_small_limit_of_the_json_endpoints_is_refused_with_413_in_chinese()
    {
        var response = await _client.PostAsync("/api/v1/payments/lookup",
            new StringContent($"{{\"name\": \"{new string('张', 40_000)}\", \"idNumber\": \"1\"}}", Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("64 KB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_problem_in_chinese()
    {
        var response = await _client.GetAsync("/api/v1/nothing-here");

        await Problems.AssertProblem(response, HttpStatusCode.NotFound);
    }
}
