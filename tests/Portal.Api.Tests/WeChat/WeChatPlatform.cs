using System.Globalization;
using System.Text;
using Portal.Core.WeChat;

namespace Portal.Api.Tests.WeChat;

/// <summary>Plays WeChat's servers: signs (and in safe mode seals) pushes the way the platform does.</summary>
public sealed class WeChatPlatform(HttpClient client, bool seal)
{
    public const string Follower = "oPortalFollower7Xq2s9Kd5ggOC";
    private readonly MessageCrypto _crypto = new(WeChatOnKestrel.EncodingAesKey, WeChatOnKestrel.AppId);
    private long _messageId = 24_000_000_000_000_000;

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static string Text(string content, long? msgId = null, long? createTime = null) =>
        Message("text", $"<Content><![CDATA[{content}]]></Content>", msgId, createTime);

    public static string Event(string name, string? key = null, long? createTime = null) =>
        Envelope("event", createTime, $"<Event><![CDATA[{name}]]></Event>" + (key is null ? "" : $"<EventKey><![CDATA[{key}]]></EventKey>"));

    public static string Message(string type, string fields, long? msgId = null, long? createTime = null) =>
        Envelope(type, createTime, fields + $"<MsgId>{(msgId ?? Random.Shared.NextInt64(1, long.MaxValue)).ToString(CultureInfo.InvariantCulture)}</MsgId>");

    private static string Envelope(string type, long? createTime, string fields) =>
        $"<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>" +
        $"<CreateTime>{(createTime ?? Now).ToString(CultureInfo.InvariantCulture)}</CreateTime><MsgType><![CDATA[{type}]]></MsgType>{fields}</xml>";

    public long NextMessageId() => Interlocked.Increment(ref _messageId);

    /// <summary>Pushes a message as the platform would and returns the reply opened (when sealed) to its XML or "success".</summary>
    public async Task<string> Reply(string xml)
    {
        var response = await Push(xml);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return seal && body != "success" ? Open(body, response) : body;
    }

    /// <summary>The raw push; timestamp, signature and body can be spoiled on purpose.</summary>
    public Task<HttpResponseMessage> Push(string xml, long? timestamp = null, string? signature = null, bool? sealBody = null, string? sealedFor = null)
    {
        var time = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = $"/wechat?signature={signature ?? WeChatSignature.Compute(WeChatOnKestrel.Token, time, nonce)}&timestamp={time}&nonce={nonce}&openid={Follower}";
        var body = xml;
        if (sealBody ?? seal)
        {
            var crypto = sealedFor is null ? _crypto : new MessageCrypto(WeChatOnKestrel.EncodingAesKey, sealedFor);
            var encrypt = crypto.Encrypt(xml);
            query += $"&encrypt_type=aes&msg_signature={WeChatSignature.Compute(WeChatOnKestrel.Token, time, nonce, encrypt)}";
            body = $"<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        }
        return client.PostAsync(query, new StringContent(body, Encoding.UTF8, "text/xml"));
    }

    /// <summary>Checks the reply's signature as the platform does, then opens it.</summary>
    private string Open(string body, HttpResponseMessage response)
    {
        var fields = SafeXml.ReadFields(body) ?? throw new Xunit.Sdk.XunitException("the sealed reply is not XML: " + body);
        Assert.True(WeChatSignature.Matches(fields["MsgSignature"], WeChatOnKestrel.Token, fields["TimeStamp"], fields["Nonce"], fields["Encrypt"]),
            "the sealed reply's signature is wrong");
        Assert.Equal(System.Web.HttpUtility.ParseQueryString(response.RequestMessage!.RequestUri!.Query)["nonce"], fields["Nonce"]);
        return _crypto.Decrypt(fields["Encrypt"]) ?? throw new Xunit.Sdk.XunitException("the sealed reply does not open");
    }
}
