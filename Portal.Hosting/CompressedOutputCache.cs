using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Portal.Hosting;

/// <summary>
/// The output cache keeps each page as each encoding sends it (br, gzip, identity), compressed once when it is
/// rendered. Compressing after the cache cost every hit more than the hit itself: a cached Brotli page ran at a quarter
/// to a third of nginx sending the same bytes. The cache sits outside the compression, the encoding the compression
/// will choose is part of the cache key, and every cached answer says it varies by Accept-Encoding. Tags are the
/// page's, whatever its encoding, so an eviction removes every encoding at once.
/// </summary>
public static class CompressedOutputCache
{
    /// <summary>Brotli for phones that accept it, Gzip for the rest, also over HTTPS (the proxy's): pages must stay small on 3G.</summary>
    public static IServiceCollection AddCompressedOutputCache(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "text/vtt"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddOutputCache(o => o.AddBasePolicy(new VaryByContentEncoding()));
        return services;
    }

    /// <summary>The output cache, and inside it the compression whose bytes it stores: in place of UseOutputCache.</summary>
    public static IApplicationBuilder UseCompressedOutputCache(this IApplicationBuilder app) =>
        app.UseOutputCache().UseResponseCompression();

    /// <summary>Keys a cached answer by the encoding it is sent in, as the compression negotiates it from Accept-Encoding.</summary>
    private sealed class VaryByContentEncoding : IOutputCachePolicy
    {
        private const string Key = "content-encoding";

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
            context.CacheVaryByRules.VaryByValues[Key] = compression.GetCompressionProvider(http)?.EncodingName ?? "identity";
            // Also on the plain answer, which the compression leaves without Vary, so that a proxy keeps the encodings apart
            // too. Set as the answer starts: only then is it known whether the page's own policy caches it.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (context.EnableOutputCaching && !headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
                    headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                return Task.CompletedTask;
            });
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
