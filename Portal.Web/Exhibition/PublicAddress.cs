using Microsoft.Extensions.Options;

namespace Portal.Web.Exhibition;

public sealed class PublicAddressOptions
{
    public const string Section = "Portal";

    /// <summary>The site's public address (the same key the API reads), e.g. <c>https://jw.example.gov.cn</c>. Unset: the request's scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Absolute addresses for what leaves the page: WeChat's share card (og:image) and the Atom feed. Behind a proxy the
/// request may not know the public name, so the configured address wins.
/// </summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options)
{
    private readonly string? _configured = Normalize(options.Value.PublicBaseUrl, out var normalized) ? normalized : null;

    /// <summary>The site's root without a trailing slash.</summary>
    public string Root(HttpRequest request) =>
        _configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    public string Absolute(HttpRequest request, string path) => Root(request) + path;

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
