using System.Net;
using Portal.Core.WeChat;

namespace Portal.Api.Tests.WeChat;

/// <summary>The callback's log says what kind of thing arrived or why it was refused, and never who sent what.</summary>
public class PrivacyTests(PlainWeChat host) : IClassFixture<PlainWeChat>
{
    private readonly WeChatPlatform _platform = new(host.Client, seal: false);

    [Fact]
    public async Task Neither_a_question_nor_a_query_code_nor_the_followers_ID_is_ever_logged()
    {
        const string question = "杞县五里河镇 农村低保";
        const string code = "7KQ4-M2XZ-ABCD-EFGH-JKMN";
        await _platform.Reply(WeChatPlatform.Text(question));
        var warning = SafeXml.ReadFields(await _platform.Reply(WeChatPlatform.Text($"查询码 {code} 密码 Secret-Pass-99")))!["Content"];
        await _platform.Push(WeChatPlatform.Text(question), signature: new string('0', 40));

        Assert.DoesNotContain(code, warning);
        Assert.DoesNotContain("Secret-Pass-99", warning);
        var logs = host.Logs.Text;
        Assert.Contains("WeChat text received", logs);
        Assert.Contains("WeChat callback refused: wrong signature", logs);
        foreach (var secret in new[] { question, "五里河", code, "7KQ4", "Secret-Pass-99", WeChatPlatform.Follower, "gh_97417a04a28d" })
            Assert.DoesNotContain(secret, logs);
    }

    [Fact]
    public async Task A_refused_body_is_not_logged()
    {
        var response = await _platform.Push("<xml><Content>私密内容 13800138000</Content>");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WeChat callback refused: malformed XML", host.Logs.Text);
        Assert.DoesNotContain("13800138000", host.Logs.Text);
    }
}
