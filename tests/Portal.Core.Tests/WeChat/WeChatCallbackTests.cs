using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Payments;
using Portal.Core.WeChat;
using Portal.Tests;

namespace Portal.Core.Tests.WeChat;

/// <summary>The callback's rules without HTTP; the API tests play the platform over a real port.</summary>
public class WeChatCallbackTests
{
    private const string Token = "portaltoken";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));

    private WeChatCallback Callback(IPaymentIndex index, WeChatOptions? options = null) => new(
        Options.Create(options ?? new WeChatOptions { Token = Token }),
        new ChatAnswers(new PlaceQuestionParser(SampleData.Regions, SampleData.Funds, SampleData.Served.Counties), index, SampleData.Regions, SampleData.Funds),
        new RetryMemory(_clock), _clock, NullLogger<WeChatCallback>.Instance);

    private CallbackQuery Signed(long? at = null)
    {
        var timestamp = (at ?? _clock.GetUtcNow().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CallbackQuery(WeChatSignature.Compute(Token, timestamp, "42"), timestamp, "42");
    }

    private static string TextMessage(string content, string id = "1001") =>
        $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[o_follower]]></FromUserName><CreateTime>1795000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{id}</MsgId></xml>";

    [Fact]
    public async Task An_answer_past_the_budget_is_success_now_and_the_real_answer_on_the_platforms_retry()
    {
        using var gate = new ManualResetEventSlim();
        var index = new FakePaymentIndex(new PaymentTotal("rural-dibao", 2, 100m)) { Gate = gate };
        var callback = Callback(index, new WeChatOptions { Token = Token, AnswerBudget = TimeSpan.FromSeconds(4) });

        var first = callback.HandleAsync(Signed(), TextMessage("杞县史庄村"), "https://site");
        await index.Asked.WaitAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("success", (await first).Body);

        gate.Set();
        var retry = await callback.HandleAsync(Signed(), TextMessage("杞县史庄村"), "https://site");
        Assert.Equal("news", SafeXml.ReadFields(retry.Body)!["MsgType"]);
        Assert.Equal(1, index.Questions);
    }

    [Fact]
    public async Task When_the_index_fails_the_follower_is_told_to_try_again_later()
    {
        var outcome = await Callback(new FakePaymentIndex { Failure = new IOException("index folder gone") }).HandleAsync(Signed(), TextMessage("杞县"), "https://site");
        Assert.Equal(WeChatCallback.Unavailable, SafeXml.ReadFields(outcome.Body)!["Content"]);
    }

    [Fact]
    public async Task Compatible_mode_answers_a_plain_message_plainly_and_a_sealed_one_sealed()
    {
        var crypto = new MessageCrypto(MessageCryptoTests.Key, MessageCryptoTests.AppId);
        var callback = Callback(new FakePaymentIndex(), new WeChatOptions
        {
            Token = Token, AppId = MessageCryptoTests.AppId, EncodingAesKey = MessageCryptoTests.Key, EncodingMode = EncodingMode.Compatible,
        });

        var plain = await callback.HandleAsync(Signed(), TextMessage("你好", "2001"), "https://site");
        Assert.Equal(ChatAnswers.Help, SafeXml.ReadFields(plain.Body)!["Content"]);

        var query = Signed();
        var encrypt = crypto.Encrypt(TextMessage("你好", "2002"));
        var sealedQuery = query with { EncryptType = "aes", MsgSignature = WeChatSignature.Compute(Token, query.Timestamp!, query.Nonce!, encrypt) };
        // Compatible mode sends the plain fields beside the sealed ones; the sealed ones are the ones to trust.
        var both = TextMessage("你好", "2002").Replace("</xml>", $"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        var sealedReply = SafeXml.ReadFields((await callback.HandleAsync(sealedQuery, both, "https://site")).Body)!;
        Assert.Equal(ChatAnswers.Help, SafeXml.ReadFields(crypto.Decrypt(sealedReply["Encrypt"])!)!["Content"]);
    }

    [Fact]
    public async Task A_request_older_than_the_tolerance_is_refused_and_not_answered()
    {
        var index = new FakePaymentIndex();
        var outcome = await Callback(index).HandleAsync(Signed(_clock.GetUtcNow().ToUnixTimeSeconds() - 301), TextMessage("杞县"), "https://site");
        Assert.Equal(403, outcome.Status);
        Assert.Equal(0, index.Questions);
    }

    [Fact]
    public async Task Without_a_token_the_callback_says_it_is_not_configured()
    {
        var outcome = await Callback(new FakePaymentIndex(), new WeChatOptions()).HandleAsync(Signed(), TextMessage("杞县"), "https://site");
        Assert.Equal(404, outcome.Status);
        Assert.Equal(WeChatCallback.NotConfigured, outcome.Body);
    }

    [Theory]
    [InlineData("ab", "Token")]
    [InlineData("portal token", "Token")]
    public void A_token_WeChat_would_not_accept_is_explained(string token, string key) =>
        Assert.Contains(key, new WeChatOptions { Token = token }.Problem());

    [Fact]
    public void Safe_mode_without_a_key_is_explained() =>
        Assert.Contains("EncodingAesKey", new WeChatOptions { Token = Token, AppId = "wx1", EncodingMode = EncodingMode.Safe }.Problem());
}
