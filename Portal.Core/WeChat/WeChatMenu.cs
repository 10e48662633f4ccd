using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.WeChat;

/// <summary>
/// The body of WeChat's create-menu call (deploy/wechat/menu.json) with its links moved from the placeholder
/// address to the site's: the operator posts what this prints, so no one edits links by hand.
/// </summary>
public static class WeChatMenu
{
    public const string PlaceholderBaseUrl = "https://portal.example.gov.cn";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        // The platform shows escaped names (\u4eb2…) as they are, so the Chinese goes out as UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The menu for a site at <paramref name="baseUrl"/>; throws ArgumentException with a Chinese message for a bad address.</summary>
    public static string ForSite(string template, string baseUrl)
    {
        if (!BaseUrl.Normalize(baseUrl, out var root) || root is null || !root.StartsWith("https://", StringComparison.Ordinal))
            throw new ArgumentException($"--base-url 应为网站的 https 公开地址，如 https://jw.example.gov.cn（收到：{baseUrl}）。");
        var menu = JsonNode.Parse(template) ?? throw new InvalidDataException("菜单文件是空的。");
        foreach (var button in Buttons(menu))
            if (button["url"]?.GetValue<string>() is { } url && url.StartsWith(PlaceholderBaseUrl, StringComparison.Ordinal))
                button["url"] = root + url[PlaceholderBaseUrl.Length..];
        return menu.ToJsonString(Output);
    }

    private static IEnumerable<JsonNode> Buttons(JsonNode menu) =>
        (menu["button"]?.AsArray() ?? []).OfType<JsonNode>()
            .SelectMany(b => (b["sub_button"]?.AsArray() ?? []).OfType<JsonNode>().Prepend(b));
}
