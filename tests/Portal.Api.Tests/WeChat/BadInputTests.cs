using System.Net;
using System.Text;
using Portal.Core.WeChat;

namespace Portal.Api.Tests.WeChat;

/// <summary>Whatever arrives that WeChat would not send is refused before anything is worked out, and the callback keeps answering.</summary>
public class BadInputTests(PlainWeChat host) : IClassFixture<PlainWeChat>
{
    private readonly WeChatPlatform _platform = new(host.Client, seal: false);

    private async Task RefusedWithNothingProcessed(Func<Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var before = host.Received;
        var response = await send();
        await Problems.AssertProblem(response, status);
        Assert.Equal(before, host.Received);
        // Nothing crashed: the next honest message is answered.
        Assert.Equal("news", SafeXml.ReadFields(await _platform.Reply(WeChatPlatform.Text("杞县")))?["MsgType"]);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName><Content>unclosed</xml>")]
    [InlineData("史庄村 低保")]
    [InlineData("")]
    [InlineData("<xml><ToUserName>gh</ToUserName></xml>")]
    public Task Malformed_or_incomplete_XML_is_refused(string body) =>
        RefusedWithNothingProcessed(() => _platform.Push(body), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&c;</Content></xml>")]
    public async Task XML_with_a_DOCTYPE_or_external_entities_is_refused_and_reads_no_file(string body)
    {
        await RefusedWithNothingProcessed(() => _platform.Push(body), HttpStatusCode.BadRequest);
        Assert.DoesNotContain("root:", host.Logs.Text);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused()
    {
        // The server closes a connection whose body it would not read; the honest message after it goes on another.
        using var own = new HttpClient { BaseAddress = host.Client.BaseAddress };
        await RefusedWithNothingProcessed(() => new WeChatPlatform(own, seal: false).Push(WeChatPlatform.Text(new string('长', 30_000))), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_over_64_KB_sent_in_chunks_is_refused()
    {
        using var own = new HttpClient { BaseAddress = host.Client.BaseAddress };
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(WeChatPlatform.Text(new string('长', 30_000)))));
        var timestamp = WeChatPlatform.Now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(WeChatOnKestrel.Token, timestamp, "7");
        await RefusedWithNothingProcessed(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/wechat?signature={signature}&timestamp={timestamp}&nonce=7") { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            return await own.SendAsync(request);
        }, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public Task A_wrong_signature_is_refused() =>
        RefusedWithNothingProcessed(() => _platform.Push(WeChatPlatform.Text("杞县"), signature: "899cf89e464efb63f54ddac96b0a0a235f53aa78"), HttpStatusCode.Forbidden);

    [Fact]
    public Task A_request_without_a_signature_is_refused() =>
        RefusedWithNothingProcessed(() => host.Client.PostAsync("/wechat", new StringContent(WeChatPlatform.Text("杞县"))), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData(-600)]
    [InlineData(600)]
    public Task A_correctly_signed_request_replayed_far_from_now_is_refused(int offsetSeconds) =>
        RefusedWithNothingProcessed(() => _platform.Push(WeChatPlatform.Text("杞县"), timestamp: WeChatPlatform.Now + offsetSeconds), HttpStatusCode.Forbidden);
}
