using Portal.Core.Exhibition;
using Portal.Hosting;

namespace Portal.Api.Exhibition;

/// <summary>Absolute media addresses, so a mini-program (which has no page to be relative to) can load them.</summary>
public sealed class MediaAddresses(PublicAddress address)
{
    /// <summary>The base for one request: the configured media address (a CDN), else the site's public address, else the scheme and host the client used.</summary>
    public MediaLinks For(HttpRequest request) => new(address.MediaRoot(request));
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
        services.AddPublicAddress();
        services.AddSingleton<MediaAddresses>();
        return services;
    }
}
