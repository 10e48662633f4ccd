using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Portal.Api.Tests.WeChat;
using Portal.Core.WeChat;

namespace Portal.Api.Tests;

/// <summary>
/// No answer of the API is a page: each one, refusals and the OpenAPI document included, tells a browser that opens it
/// never to guess its type and to load or run nothing from it.
/// </summary>
[Collection(ApiCollection.Name)]
public class SecurityHeadersTests(PortalApiFactory factory)
{
    [Theory]
    [InlineData("GET", "/api/v1/funds", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/regions/410221", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/regions/999999", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/exhibition/halls", HttpStatusCode.OK)]
    [InlineData("GET", "/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/payments/lookup", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/wechat?signature=a&timestamp=1&nonce=2", HttpStatusCode.NotFound)]
    public async Task Every_api_answer_is_unsniffable_and_may_load_nothing(string method, string url, HttpStatusCode status)
    {
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") : null });

        Assert.Equal(status, response.StatusCode);
        ApiHeaders.Assert(response, url);
    }

    [Fact]
    public async Task An_answer_from_the_output_cache_and_a_rate_limit_refusal_carry_them_too()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Portal:RateLimits:LookupPermitLimit", "1"));
        using var client = strict.CreateClient();
        await client.GetAsync("/api/v1/regions/410221");
        var cached = await client.GetAsync("/api/v1/regions/410221");
        await client.PostAsync("/api/v1/payments/lookup", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var refused = await client.PostAsync("/api/v1/payments/lookup", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.True(cached.Headers.Age is not null, "the second answer did not come from the output cache");
        ApiHeaders.Assert(cached, "cached");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        ApiHeaders.Assert(refused, "429");
    }
}

/// <summary>The WeChat callback's own answers, with the Official Account configured.</summary>
public class WeChatSecurityHeadersTests(PlainWeChat host) : IClassFixture<PlainWeChat>
{
    [Fact]
    public async Task The_callbacks_answers_are_unsniffable_and_may_load_nothing()
    {
        var timestamp = WeChatPlatform.Now.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(WeChatOnKestrel.Token, timestamp, "1514711492");

        var check = await host.Client.GetAsync($"/wechat?signature={signature}&echostr=4375120948345356249&timestamp={timestamp}&nonce=1514711492");
        var refused = await host.Client.GetAsync($"/wechat?signature=0000&echostr=1&timestamp={timestamp}&nonce=1514711492");

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        ApiHeaders.Assert(check, "URL check");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        ApiHeaders.Assert(refused, "refused");
    }
}

/// <summary>What every answer of the API carries.</summary>
public static class ApiHeaders
{
    public static void Assert(HttpResponseMessage response, string what)
    {
        Xunit.Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what}: no nosniff");
        Xunit.Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single() == "default-src 'none'; frame-ancestors 'none'", $"{what}: CSP {string.Join(", ", csp ?? [])}");
    }
}
