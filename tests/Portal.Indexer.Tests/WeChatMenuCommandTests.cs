using System.Text.Json;
using Portal.Tests;

namespace Portal.Indexer.Tests;

public class WeChatMenuCommandTests
{
    private static IEnumerable<JsonElement> Buttons(JsonElement menu) => menu.GetProperty("button").EnumerateArray()
        .SelectMany(b => (b.TryGetProperty("sub_button", out var subs) ? subs.EnumerateArray().ToList() : []).Prepend(b));

    [Fact]
    public void The_menu_printed_for_a_site_links_every_button_to_that_site()
    {
        using var data = new SampleData();
        var r = IndexerProcess.Run(data, "wechat", "menu", "--base-url", "https://jw.example.gov.cn/");
        Assert.Equal(0, r.ExitCode);
        var buttons = Buttons(r.Json).ToList();
        var links = buttons.Where(b => b.TryGetProperty("url", out _)).Select(b => b.GetProperty("url").GetString()!).ToList();
        Assert.Contains("https://jw.example.gov.cn/payments", links);
        Assert.Contains("https://jw.example.gov.cn/reports", links);
        Assert.Contains("https://jw.example.gov.cn/reports/progress", links);
        Assert.Contains("https://jw.example.gov.cn/exhibition", links);
        Assert.All(links, link => Assert.StartsWith("https://jw.example.gov.cn/", link));
        // The names go out as UTF-8, which the platform shows as written.
        Assert.Contains("\"亲清连线\"", r.Output);
        Assert.Equal(["惠民监督", "在线举报", "进度查询", "廉政展厅"],
            r.Json.GetProperty("button")[0].GetProperty("sub_button").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
    }

    [Fact]
    public void A_site_under_a_path_keeps_its_path()
    {
        using var data = new SampleData();
        var r = IndexerProcess.Run(data, "wechat", "menu", "--base-url", "https://www.example.gov.cn/jw");
        Assert.Contains("https://www.example.gov.cn/jw/payments/lookup", Buttons(r.Json).Select(b => b.TryGetProperty("url", out var u) ? u.GetString() : null));
    }

    [Theory]
    [InlineData("http://jw.example.gov.cn")]
    [InlineData("jw.example.gov.cn")]
    [InlineData("https://jw.example.gov.cn/?a=1")]
    public void An_address_WeChat_would_not_open_is_refused_with_advice(string baseUrl)
    {
        using var data = new SampleData();
        var r = IndexerProcess.Run(data, "wechat", "menu", "--base-url", baseUrl);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("https 公开地址", r.Error);
        Assert.Equal("", r.Output);
    }
}
