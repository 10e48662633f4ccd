using System.Globalization;
using System.Net;
using Portal.Core.Payments;
using Portal.Core.WeChat;

namespace Portal.Api.Tests.WeChat;

public class SafeModeTests(SafeWeChat host) : IClassFixture<SafeWeChat>
{
    private readonly WeChatPlatform _platform = new(host.Client, seal: true);

    [Fact]
    public async Task A_sealed_URL_check_gets_its_echostr_opened()
    {
        var timestamp = WeChatPlatform.Now.ToString(CultureInfo.InvariantCulture);
        var echo = new MessageCrypto(WeChatOnKestrel.EncodingAesKey, WeChatOnKestrel.AppId).Encrypt("4375120948345356249");
        var signature = WeChatSignature.Compute(WeChatOnKestrel.Token, timestamp, "9");
        var msgSignature = WeChatSignature.Compute(WeChatOnKestrel.Token, timestamp, "9", echo);
        var response = await host.Client.GetAsync(
            $"/wechat?signature={signature}&msg_signature={msgSignature}&timestamp={timestamp}&nonce=9&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal("4375120948345356249", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sealed_question_gets_a_sealed_answer_signed_for_the_platform()
    {
        var rows = host.Data.Rows;
        var reply = SafeXml.ReadFields(await _platform.Reply(WeChatPlatform.Text("杞县")))!;
        Assert.Equal("news", reply["MsgType"]);
        Assert.Contains($"共 {rows.Count} 笔，合计 {Money.Yuan(rows.Sum(r => r.Amount))}", await _platform.Reply(WeChatPlatform.Text("杞县")));
    }

    [Theory]
    [InlineData("subscribe", ChatAnswers.Welcome)]
    [InlineData("CLICK", ChatAnswers.Help)]
    public async Task Sealed_events_are_answered_sealed(string name, string answer) =>
        Assert.Equal(answer, SafeXml.ReadFields(await _platform.Reply(WeChatPlatform.Event(name, name == "CLICK" ? ChatAnswers.HelpKey : null, WeChatPlatform.Now - Random.Shared.Next(100))))!["Content"]);

    [Fact]
    public async Task Nothing_to_say_is_success_in_safe_mode_too() =>
        Assert.Equal("success", await _platform.Reply(WeChatPlatform.Event("unsubscribe")));

    [Fact]
    public async Task A_picture_gets_the_polite_note_sealed() =>
        Assert.Equal(ChatAnswers.OnlyText, SafeXml.ReadFields(await _platform.Reply(WeChatPlatform.Message("image", "<PicUrl><![CDATA[http://x]]></PicUrl>")))!["Content"]);

    [Fact]
    public async Task A_retried_sealed_message_is_worked_out_once()
    {
        var message = WeChatPlatform.Text("五里河镇", _platform.NextMessageId());
        var before = host.Received;
        var first = await _platform.Reply(message);
        var again = await _platform.Reply(message);
        Assert.Equal(before + 1, host.Received);
        Assert.Contains("<ArticleCount>1</ArticleCount>", first);
        Assert.Equal(first[first.IndexOf("<ArticleCount>", StringComparison.Ordinal)..], again[again.IndexOf("<ArticleCount>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task A_plain_message_is_refused_in_safe_mode()
    {
        var before = host.Received;
        await Problems.AssertProblem(await _platform.Push(WeChatPlatform.Text("杞县"), sealBody: false), HttpStatusCode.BadRequest);
        Assert.Equal(before, host.Received);
    }

    [Fact]
    public async Task A_message_sealed_for_another_account_is_refused()
    {
        var before = host.Received;
        await Problems.AssertProblem(await _platform.Push(WeChatPlatform.Text("杞县"), sealedFor: "wx0000000000000000"), HttpStatusCode.BadRequest);
        Assert.Equal(before, host.Received);
    }
}
