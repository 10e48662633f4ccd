using System.Net;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Payments;

/// <summary>
/// A phone asks with Brotli or Gzip; the cache keeps each encoding's bytes, compressed once when the page is rendered,
/// so a cached page costs no compression. A query that no link decorates keeps each test's pages its own.
/// </summary>
[Collection(WebCollection.Name)]
public class CompressedCacheTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("br", "/payments/410221?from=cache-br")]
    [InlineData("gzip", "/payments/4102?from=cache-gzip")]
    public async Task A_cached_page_comes_compressed_from_the_cache_and_reads_the_same_as_the_plain_page(string encoding, string page)
    {
        var plain = await Encodings.GetAsync(_client, page, null);
        var rendered = await Encodings.GetAsync(_client, page, encoding);
        var cached = await Encodings.GetAsync(_client, page, encoding);

        Assert.Null(rendered.Headers.Age); // each encoding is rendered and compressed once, on its own
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(encoding, Assert.Single(cached.Content.Headers.ContentEncoding));
        var stored = await cached.Content.ReadAsByteArrayAsync();
        // The stored bytes are sent as they are, so their length is known before the first byte goes out.
        Assert.Equal(stored.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(cached.Content.Headers.NonValidated["Content-Length"]));
        Assert.Equal(await plain.Content.ReadAsStringAsync(), Encodings.Decode(encoding, stored));
    }

    [Fact]
    public async Task Every_answer_of_a_cached_page_says_it_varies_by_Accept_Encoding_also_the_plain_one()
    {
        foreach (var encoding in new[] { null, "br", "gzip" })
        {
            var page = "/payments/410221?from=cache-vary";
            await Encodings.GetAsync(_client, page, encoding);
            var cached = await Encodings.GetAsync(_client, page, encoding);
            Assert.NotNull(cached.Headers.Age);
            Assert.Contains("Accept-Encoding", cached.Headers.Vary);
        }
    }
}
