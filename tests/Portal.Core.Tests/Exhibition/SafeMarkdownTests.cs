using Portal.Core.Exhibition;

namespace Portal.Core.Tests.Exhibition;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert('x')</script>正文", "<script")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=\"a.png\" onerror=\"alert(1)\" alt=\"图\">", "onerror")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", "<iframe")]
    [InlineData("<a href=\"https://example.cn\" onclick=\"steal()\">链接</a>", "onclick")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>", "style=")]
    [InlineData("<form action=\"https://evil.example/\"><input name=\"q\"></form>", "<form")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    public void Nothing_a_press_officer_types_can_run_on_a_public_page(string markdown, string forbidden)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tables_images_links_and_emphasis_are_kept()
    {
        var html = SafeMarkdown.ToHtml("""
            ## 通报

            | 姓名 | 问题 |
            |---|---|
            | 某某 | 优亲厚友 |

            ![开封府](https://example.cn/kaifeng.png) **重点**：见[说明](https://example.cn/a)。
            """);

        Assert.Contains("<table>", html);
        Assert.Contains("<td>优亲厚友</td>", html);
        Assert.Contains("<img src=\"https://example.cn/kaifeng.png\" alt=\"开封府\">", html);
        Assert.Contains("<a href=\"https://example.cn/a\">说明</a>", html);
        Assert.Contains("<strong>重点</strong>", html);
        Assert.Contains("<h2", html);
    }
}
