using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Exhibition;

namespace Portal.Hosting;

public sealed class PublicAddressOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The site's public address, e.g. <c>https://jw.example.gov.cn</c>. The site serves the exhibition's media and the
    /// API may run on another host, so production must set it. Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Where phones load the exhibition's pictures, audio and video from, e.g. a CDN that pulls from the site
    /// (<c>https://cdn.example.gov.cn</c>, serving <c>/media/exhibition/…</c>). Unset: the site itself. Captions on the
    /// site's own pages stay on the site, since a browser loads a caption track from elsewhere only with CORS.
    /// </summary>
    public string? MediaBaseUrl { get; set; }
}

/// <summary>
/// Absolute addresses for what leaves the site: WeChat's share card (og:image), the Atom feed, and media addresses in
/// the API's answers (a mini-program has no page to be relative to). Behind a proxy the request may not know the
/// public name, so the configured address wins.
/// </summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options)
{
    private readonly string? _configured = BaseUrl.Normalize(options.Value.PublicBaseUrl, out var normalized) ? normalized : null;
    private readonly string? _media = BaseUrl.Normalize(options.Value.MediaBaseUrl, out var media) ? media : null;

    /// <summary>A media file's address on a page: on the CDN when one is configured, else relative to the site.</summary>
    public string Media(string src) => (_media ?? "") + ExhibitionMedia.Url(src);

    /// <summary>Where absolute media addresses start: the configured media address, else the site's root.</summary>
    public string MediaRoot(HttpRequest request) => _media ?? Root(request);

    /// <summary>A media file's absolute address, for share cards.</summary>
    public string AbsoluteMedia(HttpRequest request, string src) => MediaRoot(request) + ExhibitionMedia.Url(src);

    /// <summary>The site's root without a trailing slash.</summary>
    public string Root(HttpRequest request) =>
        _configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    public string Absolute(HttpRequest request, string path) => Root(request) + path;
}

public static class PublicAddressRegistration
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section)
            .Validate(o => BaseUrl.Normalize(o.PublicBaseUrl, out _), "Portal:PublicBaseUrl 应为网站的公开地址，如 https://jw.example.gov.cn（可带路径，不带查询参数）。")
            .Validate(o => BaseUrl.Normalize(o.MediaBaseUrl, out _), "Portal:MediaBaseUrl 应为媒体文件的公开地址（如内容分发网络 https://cdn.example.gov.cn），不带查询参数。")
            .ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        return services;
    }
}
