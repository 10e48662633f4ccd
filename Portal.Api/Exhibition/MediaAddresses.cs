using Microsoft.Extensions.Options;
using Portal.Core.Exhibition;

namespace Portal.Api.Exhibition;

public sealed class PublicAddressOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The site's public address, e.g. <c>https://jw.example.gov.cn</c>: the Web host serves the exhibition's media,
    /// and the API may run on another host, so production must set it. Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Absolute media addresses, so a mini-program (which has no page to be relative to) can load them.</summary>
public sealed class MediaAddresses(IOptions<PublicAddressOptions> options)
{
    private readonly string? _configured = Normalize(options.Value.PublicBaseUrl, out var normalized) ? normalized : null;

    /// <summary>The base for one request: the configured address, else the scheme and host the client used.</summary>
    public MediaLinks For(HttpRequest request) =>
        new(_configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}");

    /// <summary>False for anything but an absolute http(s) address without query or fragment; empty is fine (and yields null).</summary>
    public static bool Normalize(string? url, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(url)) return true;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return false;
        normalized = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return true;
    }
}

/// <param name="Base">Scheme, host and path base without a trailing slash; part of every ETag of an answer with media.</param>
public readonly record struct MediaLinks(string Base)
{
    public string Url(string src) => Base + ExhibitionMedia.Url(src);

    public string? Url(MediaItem? item) => item is null ? null : Url(item.Src);
}

public static class MediaAddressRegistration
{
    public static IServiceCollection AddMediaAddresses(this IServiceCollection services)
    {
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section)
            .Validate(o => MediaAddresses.Normalize(o.PublicBaseUrl, out _),
                "Portal:PublicBaseUrl 应为网站的公开地址，如 https://jw.example.gov.cn（可带路径，不带查询参数）。")
            .ValidateOnStart();
        services.AddSingleton<MediaAddresses>();
        return services;
    }
}
