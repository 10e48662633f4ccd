using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Portal.Api.Hosting;

/// <summary>
/// A public answer that phones and proxies may keep for five minutes and then revalidate: a strong ETag,
/// <c>Cache-Control: public, max-age=300</c>, and 304 Not Modified without a body when If-None-Match names
/// the current tag (or is <c>*</c>). The answer is only built when it is sent.
/// </summary>
public sealed class Revalidated<T>(string etag, Func<T> answer) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = PublicRevalidation.CacheControl;
        // A 304 carries no Content-Type, so the compression middleware would not say Vary itself.
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (PublicRevalidation.Matching(context.Request.Headers.IfNoneMatch, etag) is { } held)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            // The tag of the copy the client holds, so a gzip copy stays a gzip copy.
            response.Headers.ETag = held;
            return;
        }

        response.Headers.ETag = etag;
        // A strong tag names exact bytes: a compressed body is a different representation (RFC 9110 §8.8.3.3).
        response.OnStarting(static state =>
        {
            var (response, etag) = ((HttpResponse, string))state;
            if (response.Headers.ContentEncoding.ToString() is { Length: > 0 } coding && coding.All(char.IsAsciiLetter))
                response.Headers.ETag = PublicRevalidation.WithCoding(etag, coding);
            return Task.CompletedTask;
        }, (response, etag));
        await TypedResults.Ok(answer()).ExecuteAsync(context);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}

public static class PublicRevalidation
{
    /// <summary>Five minutes: a phone or proxy asks again after that, and a 304 costs a few hundred bytes.</summary>
    public const int MaxAgeSeconds = 300;

    public static readonly string CacheControl = $"public, max-age={MaxAgeSeconds}";

    /// <summary>A strong tag over everything an answer's bytes depend on.</summary>
    public static string ETagOf(params string[] parts) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts))))[..24] + "\"";

    public static string WithCoding(string etag, string coding) => etag[..^1] + "-" + coding.ToLowerInvariant() + "\"";

    /// <summary>
    /// The tag in If-None-Match that names this answer, compressed or not, or null. Weak comparison, as
    /// RFC 9110 §13.1.2 prescribes for If-None-Match: <c>W/"x"</c> matches <c>"x"</c>.
    /// </summary>
    public static string? Matching(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList([.. ifNoneMatch.OfType<string>()], out var tags)) return null;
        var bare = etag[..^1];
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any)) return etag;
            var opaque = tag.Tag.Value;
            if (opaque == etag) return tag.ToString();
            if (opaque is not null && opaque.StartsWith(bare + "-", StringComparison.Ordinal)
                && opaque.AsSpan(bare.Length + 1, opaque.Length - bare.Length - 2) is { Length: > 0 } coding && !coding.ContainsAnyExcept(AsciiLetters))
                return tag.ToString();
        }
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Describes If-None-Match, the ETag and Cache-Control headers and the 304 answer of every endpoint in the group.</summary>
    public static TBuilder WithRevalidationDocs<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfNoneMatch,
                In = ParameterLocation.Header,
                Description = "可选：上次答复的 ETag（可列多个，或 *）。内容未变时答复 304，不带正文。",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            {
                okResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
                okResponse.Headers[HeaderNames.ETag] = new OpenApiHeader
                {
                    Description = "强 ETag：内容、页码和筛选条件、媒体地址的主机（含访问量的答复还有访问量）变了它才变；压缩的答复带 -gzip 或 -br 后缀。",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
                okResponse.Headers[HeaderNames.CacheControl] = new OpenApiHeader
                {
                    Description = $"{CacheControl}：手机和代理可直接使用 {MaxAgeSeconds / 60} 分钟，之后带 If-None-Match 重新验证。",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
            if (operation.Responses?.TryGetValue("304", out var notModified) == true && notModified is OpenApiResponse notModifiedResponse)
                notModifiedResponse.Description = "内容未变（If-None-Match 与当前 ETag 相同）：沿用手上的副本。";
            return Task.CompletedTask;
        });
}
