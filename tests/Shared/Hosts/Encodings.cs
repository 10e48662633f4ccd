using System.IO.Compression;
using System.Net;

namespace Portal.Tests;

/// <summary>Asking a host for an answer in an encoding, as a phone does, and reading the compressed bytes back.</summary>
public static class Encodings
{
    /// <summary>GET with the Accept-Encoding given (none when null); the answer must be 200.</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        var response = await client.SendAsync(request);
        Xunit.Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>The text of a body sent in "br" or "gzip".</summary>
    public static string Decode(string encoding, byte[] body)
    {
        using var compressed = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
