using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Portal.Api.Tests;

[Collection(ApiCollection.Name)]
public class CorsTests(PortalApiFactory factory)
{
    private const string H5 = "https://h5.example.gov.cn";
    private const string OtherH5 = "https://m.example.gov.cn:8443";

    private HttpClient Client(params string[] origins) => factory.WithWebHostBuilder(b =>
    {
        for (var i = 0; i < origins.Length; i++) b.UseSetting($"Portal:Api:CorsOrigins:{i}", origins[i]);
    }).CreateClient();

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Theory]
    [InlineData("/api/v1/funds")]
    [InlineData("/api/v1/regions/410221")]
    [InlineData("/api/v1/exhibition/halls")]
    public async Task A_configured_H5_origin_may_read_public_answers_each_with_its_own_origin(string path)
    {
        var client = Client(H5, OtherH5);
        var first = await Get(client, path, H5);
        var second = await Get(client, path, OtherH5);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(H5, AllowedOrigin(first));
        Assert.Equal(OtherH5, AllowedOrigin(second));
        Assert.Contains("Origin", second.Headers.Vary);
    }

    [Fact]
    public async Task Another_origin_gets_no_permission_even_after_a_configured_one_was_served()
    {
        var client = Client(H5);
        await Get(client, "/api/v1/funds", H5);
        var response = await Get(client, "/api/v1/funds", "https://evil.example.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task Without_configured_origins_no_origin_is_allowed() =>
        Assert.Null(AllowedOrigin(await Get(Client(), "/api/v1/funds", H5)));

    [Fact]
    public async Task A_preflight_for_a_posted_lookup_is_allowed_for_a_configured_origin_and_exposes_the_revalidation_headers()
    {
        var client = Client(H5);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/payments/lookup");
        preflight.Headers.Add("Origin", H5);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(H5, AllowedOrigin(response));
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var get = await Get(client, "/api/v1/exhibition/halls", H5);
        Assert.Contains("ETag", get.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }
}
