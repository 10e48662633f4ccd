using System.IO.Compression;
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
        var plain = await GetAsync(page, null);
        var rendered = await GetAsync(page, encoding);
        var cached = await GetAsync(page, encoding);

        Assert.Null(rendered.Headers.Age); // each encoding is rendered and compressed once, on its own
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(encoding, Assert.Single(cached.Content.Headers.ContentEncoding));
        var stored = await cached.Content.ReadAsByteArrayAsync();
        // The stored bytes are sent as they are, so their length is known before the first byte goes out.
        Assert.Equal(stored.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(cached.Content.Headers.NonValidated["Content-Length"]));
        Assert.Equal(await plain.Content.ReadAsStringAsync(), Decode(encoding, stored));
    }

    [Fact]
    public async Task Every_answer_of_a_cached_page_says_it_varies_by_Accept_Encoding_also_the_plain_one()
    {
        foreach (var encoding in new[] { null, "br", "gzip" })
        {
            var page = "/payments/410221?from=cache-vary";
            await GetAsync(page, encoding);
            var cached = await GetAsync(page, encoding);
            Assert.NotNull(cached.Headers.Age);
            Assert.Contains("Accept-Encoding", cached.Headers.Vary);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string page, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string Decode(string encoding, byte[] body)
    {
        using var compressed = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
