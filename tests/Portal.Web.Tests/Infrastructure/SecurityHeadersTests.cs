using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Web.Tests.Pages.Reports;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>
/// The public pages use no JavaScript, so every answer of the site (pages, error pages, files, cached pages) tells the
/// browser to run none, to be framed only by the site itself, never to guess a type, and to keep addresses to itself.
/// </summary>
[Collection(WebCollection.Name)]
public partial class SecurityHeadersTests(PortalWebFactory factory)
{
    public static TheoryData<string, HttpStatusCode> PublicAnswers => new()
    {
        { "/", HttpStatusCode.OK },
        { "/payments/410221", HttpStatusCode.OK },
        { "/payments/lookup", HttpStatusCode.OK },
        { "/reports", HttpStatusCode.OK },
        { "/reports/new?confirm=1", HttpStatusCode.OK },
        { "/exhibition", HttpStatusCode.OK },
        { "/news", HttpStatusCode.OK },
        { "/news/feed.atom", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/large-print?on=1", HttpStatusCode.Redirect },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/payments/410221?q=" + new string('x', 2000), HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(PublicAnswers))]
    public async Task Every_public_answer_runs_no_script_is_framed_only_by_the_site_and_is_never_sniffed(string url, HttpStatusCode status)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        ResponseHeaders.AssertPublic(response, url);
    }

    [Fact]
    public async Task A_page_served_from_the_output_cache_carries_the_same_headers()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br");
        var first = await client.GetAsync("/payments/410221?fund=rural-dibao");

        var cached = await client.GetAsync("/payments/410221?fund=rural-dibao");

        Assert.True(cached.Headers.Age is not null, "the second answer did not come from the output cache");
        ResponseHeaders.AssertPublic(first, "first");
        ResponseHeaders.AssertPublic(cached, "cached");
    }

    [Fact]
    public async Task The_report_receipt_may_run_its_print_button_and_no_other_script()
    {
        var reporter = new Reporter(factory.CreateClient());
        await reporter.OpenForm();

        var response = await reporter.Submit(Reporter.NamedReport());

        Assert.Contains("举报已提交", reporter.Page);
        var handler = Assert.Single(OnClick().Matches(reporter.Page)).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(WebUtility.HtmlDecode(handler))));
        var policy = ResponseHeaders.Directives(response);
        Assert.Equal($"'unsafe-hashes' 'sha256-{hash}'", policy["script-src"]);
        Assert.Equal("'self'", policy["frame-ancestors"]);
    }

    [Fact]
    public async Task Pictures_audio_and_video_may_come_from_the_configured_media_address_and_nowhere_else()
    {
        using var cdn = new PortalWebFactory { Settings = { ["Portal:MediaBaseUrl"] = "https://cdn.example.gov.cn/portal" } };
        using var client = cdn.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var url in new[] { "/exhibition", "/admin/login" })
        {
            var policy = ResponseHeaders.Directives(await client.GetAsync(url));
            Assert.Equal("'self' data: https://cdn.example.gov.cn", policy["img-src"]);
            Assert.Equal("'self' https://cdn.example.gov.cn", policy["media-src"]);
        }
    }

    [Fact]
    public async Task Back_office_pages_run_only_the_sites_own_scripts_and_are_never_framed()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var url in new[] { "/admin/login", "/admin", "/admin/no-such-page" })
        {
            var response = await client.GetAsync(url);
            var policy = ResponseHeaders.Directives(response);
            Assert.True((policy.TryGetValue("script-src", out var script) ? script : policy.GetValueOrDefault("default-src")) == "'self'", $"{url}: {ResponseHeaders.Csp(response)}");
            Assert.Equal("'none'", policy["frame-ancestors"]);
            Assert.Equal("'none'", policy["object-src"]);
            ResponseHeaders.AssertCommon(response, url);
        }
    }

    [Fact]
    public async Task Behind_the_https_proxy_the_form_and_large_print_cookies_are_secure_and_over_plain_http_they_still_work()
    {
        using var https = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        https.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var plain = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        foreach (var (client, secure) in new[] { (https, true), (plain, false) })
        {
            var form = await client.GetAsync("/payments/lookup");
            var print = await client.GetAsync("/large-print?on=1");

            Assert.Equal(secure, ResponseHeaders.Cookie(form, "portal-af").Contains("; secure", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(secure, ResponseHeaders.Cookie(print, "portal-print").Contains("; secure", StringComparison.OrdinalIgnoreCase));
        }
    }

    [GeneratedRegex("onclick=\"([^\"]*)\"")]
    private static partial Regex OnClick();
}

/// <summary>Reads the security headers of an answer, for the site's tests.</summary>
public static class ResponseHeaders
{
    /// <summary>Checked on every public answer: what the page policy promises.</summary>
    public static void AssertPublic(HttpResponseMessage response, string what)
    {
        var policy = Directives(response);
        Assert.True(policy.GetValueOrDefault("script-src") == "'none'", $"{what}: {Csp(response)}");
        Assert.True(policy.GetValueOrDefault("frame-ancestors") == "'self'", $"{what}: {Csp(response)}");
        Assert.True(policy.GetValueOrDefault("object-src") == "'none'", $"{what}: {Csp(response)}");
        AssertCommon(response, what);
    }

    public static void AssertCommon(HttpResponseMessage response, string what)
    {
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options {Header(response, "X-Content-Type-Options")}");
        Assert.True(Header(response, "Referrer-Policy") is "same-origin" or "no-referrer", $"{what}: Referrer-Policy {Header(response, "Referrer-Policy")}");
        var permissions = Header(response, "Permissions-Policy") ?? "";
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" })
            Assert.True(permissions.Contains(feature, StringComparison.Ordinal), $"{what}: Permissions-Policy {permissions}");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    public static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy") ?? "(none)";

    public static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Csp(response).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    public static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)) : throw new Xunit.Sdk.XunitException($"no {name} cookie");
}
