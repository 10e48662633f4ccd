using System.Text.Json;

namespace Portal.Api.Tests.Exhibition;

/// <summary>The Markdown of a hall, an exhibit and an article carries <see cref="ExhibitionSample.Attack"/>; no answer may.</summary>
[Collection(ExhibitionCollection.Name)]
public class SanitizedHtmlTests(ExhibitionApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/exhibition/halls/honest-officials", "introductionHtml")]
    [InlineData("/api/v1/exhibition/exhibits/honest-officials/baozheng", "transcriptHtml")]
    [InlineData("/api/v1/news/2026-02-01-case-canteen", "bodyHtml")]
    public async Task Script_event_handlers_javascript_links_and_iframes_in_the_markdown_never_reach_the_json(string url, string field)
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement;

        // Read as a client would, after JSON unescaping: the raw body escapes '<' and would hide a <script.
        foreach (var text in ExhibitionRequests.Strings(json))
            foreach (var forbidden in ExhibitionSample.Forbidden)
                Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
        // What is harmless in the same Markdown is kept: the picture (without its handler) and the link's words.
        var html = json.GetProperty(field).GetString();
        Assert.Contains("<img src=\"https://example.org/x.png\" alt=\"x\">", html);
        Assert.Contains("点这里", html);
    }
}
