namespace Portal.Core;

/// <summary>A configured public address (the site's, the media CDN's), as links start with it.</summary>
public static class BaseUrl
{
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
