using System.Globalization;
using System.Net;

using Portal.Tests;

namespace Portal.Api.Tests.Payments;

/// <summary>
/// A phone asks with Brotli or Gzip; the cache keeps each encoding's bytes, compressed once when the answer is made,
/// so a cached answer costs no compression. A page size no other test asks for keeps each test's answers its own.
/// </summary>
[Collection(ApiCollection.Name)]
public class CompressedCacheTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("br", "/api/v1/payments?region=410221&pageSize=7")]
    [InlineData("gzip", "/api/v1/payments?region=410221&pageSize=9")]
    public async Task A_cached_answer_comes_compressed_from_the_cache_and_reads_the_same_as_the_plain_answer(string encoding, string query)
    {
        var plain = await Encodings.GetAsync(_client, query, null);
        var made = await Encodings.GetAsync(_client, query, encoding);
        var cached = await Encodings.GetAsync(_client, query, encoding);

        Assert.Null(made.Headers.Age); // each encoding is made and compressed once, on its own
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(encoding, Assert.Single(cached.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", cached.Headers.Vary);
        var stored = await cached.Content.ReadAsByteArrayAsync();
        // The stored bytes are sent as they are, so their length is known before the first byte goes out.
        Assert.Equal(stored.Length.ToString(CultureInfo.InvariantCulture), Assert.Single(cached.Content.Headers.NonValidated["Content-Length"]));
        Assert.Equal(await plain.Content.ReadAsStringAsync(), Encodings.Decode(encoding, stored));
    }

    [Fact]
    public async Task A_cached_plain_answer_says_it_varies_by_Accept_Encoding()
    {
        var query = "/api/v1/payments?region=410221&pageSize=11";
        await Encodings.GetAsync(_client, query, null);
        var cached = await Encodings.GetAsync(_client, query, null);

        Assert.NotNull(cached.Headers.Age);
        Assert.Empty(cached.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", cached.Headers.Vary);
    }
}
