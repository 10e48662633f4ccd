using Portal.Web.Infrastructure;

namespace Portal.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public class LargePrintTests(PortalWebFactory factory)
{
    [Fact]
    public async Task Large_print_link_sets_the_cookie_and_returns_to_the_same_page_in_large_print()
    {
        var client = factory.CreateClient();
        // Cache the normal page first: the large-print page must not be served from it.
        Assert.DoesNotContain("class=\"large\"", await Html.Get(client, "/payments/410221"));
        Assert.DoesNotContain("class=\"large\"", await Html.Get(client, "/payments/410221"));

        var noRedirect = factory.CreateClient(new() { AllowAutoRedirect = false });
        var switchOn = await noRedirect.GetAsync("/large-print?on=1&returnUrl=%2Fpayments%2F410221");
        Assert.Equal("/payments/410221", switchOn.Headers.Location?.OriginalString);
        Assert.Contains(switchOn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(LargePrint.CookieName + "=large"));

        var large = await Html.Get(client, Html.Link(await Html.Get(client, "/payments/410221"), "大字版"));
        Assert.Contains("<html lang=\"zh-CN\" class=\"large\"", large);
        Assert.Contains("标准字", large);

        var normal = await Html.Get(client, Html.Link(large, "标准字"));
        Assert.DoesNotContain("class=\"large\"", normal);
    }

    [Fact]
    public async Task Large_print_never_redirects_to_another_site()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/large-print?on=1&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
