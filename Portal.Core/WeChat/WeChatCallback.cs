using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Core.WeChat;

/// <summary>The query string WeChat signs every callback request with.</summary>
public sealed record CallbackQuery(
    string? Signature, string? Timestamp, string? Nonce, string? EchoStr = null, string? EncryptType = null, string? MsgSignature = null)
{
    public bool Encrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What the callback answers: a body for WeChat, or a refusal with its status and a Chinese explanation.</summary>
public sealed record CallbackOutcome(int Status, string Body, string ContentType)
{
    public bool Refused => Status >= 400;

    public static CallbackOutcome Answer(string body, string contentType = "text/plain; charset=utf-8") => new(200, body, contentType);

    public static CallbackOutcome Refuse(int status, string detail) => new(status, detail, "");
}

/// <summary>
/// The Official Account's server side: checks each request's signature and age, opens safe mode's sealed messages,
/// answers each message once within WeChat's 5 seconds, and seals the reply again. A refusal is logged by its
/// reason only: never the message, the follower's ID or the request's parameters.
/// </summary>
public sealed class WeChatCallback
{
    public const string NotConfigured = "微信公众号回调尚未配置：请在 Portal:WeChat:Token（以及加密时的 AppId、EncodingAesKey）中填写公众平台“服务器配置”的值后重启。";

    public const string Unavailable = "查询暂时出错，请稍后再试；也可以点菜单“惠民监督”直接查看公示。";

    private readonly WeChatOptions _options;
    private readonly MessageCrypto? _crypto;
    private readonly ChatAnswers _answers;
    private readonly RetryMemory _memory;
    private readonly TimeProvider _clock;
    private readonly ILogger<WeChatCallback> _log;

    public WeChatCallback(IOptions<WeChatOptions> options, ChatAnswers answers, RetryMemory memory, TimeProvider clock, ILogger<WeChatCallback> log)
    {
        _options = options.Value;
        _crypto = _options.IsConfigured && _options.Encrypts ? new MessageCrypto(_options.EncodingAesKey!, _options.AppId!) : null;
        _answers = answers;
        _memory = memory;
        _clock = clock;
        _log = log;
    }

    /// <summary>The platform's URL check: echostr back when the signature is right (opened first if it came sealed).</summary>
    public CallbackOutcome Verify(CallbackQuery query)
    {
        if (Envelope(query) is { } refused) return refused;
        if (string.IsNullOrEmpty(query.EchoStr)) return Refuse(400, "missing echostr", "缺少 echostr 参数。");
        if (query.MsgSignature is null) return CallbackOutcome.Answer(query.EchoStr);
        if (_crypto is null) return Refuse(400, "sealed echostr without a key", "收到加密的 echostr，但未配置 EncodingAesKey。");
        if (!WeChatSignature.Matches(query.MsgSignature, _options.Token!, query.Timestamp!, query.Nonce!, query.EchoStr))
            return Refuse(403, "wrong msg_signature", "签名不正确。");
        return _crypto.Decrypt(query.EchoStr) is { } echo ? CallbackOutcome.Answer(echo) : Refuse(400, "echostr did not open", "echostr 无法解密。");
    }

    public async Task<CallbackOutcome> HandleAsync(CallbackQuery query, string body, string siteRoot)
    {
        if (Envelope(query) is { } refused) return refused;
        if (SafeXml.ReadFields(body) is not { } fields) return Refuse(400, "malformed XML", "消息不是有效的 XML（不接受 DOCTYPE 和外部实体）。");

        if (query.Encrypted)
        {
            if (_crypto is null) return Refuse(400, "sealed message in plain mode", "收到加密消息，但本服务配置为明文模式。");
            var encrypt = fields.GetValueOrDefault("Encrypt");
            if (string.IsNullOrEmpty(encrypt)) return Refuse(400, "no Encrypt field", "加密消息缺少 Encrypt。");
            if (!WeChatSignature.Matches(query.MsgSignature, _options.Token!, query.Timestamp!, query.Nonce!, encrypt))
                return Refuse(403, "wrong msg_signature", "签名不正确。");
            if (_crypto.Decrypt(encrypt) is not { } opened || SafeXml.ReadFields(opened) is not { } inner)
                return Refuse(400, "sealed message did not open", "加密消息无法解密。");
            fields = inner;
        }
        else if (_options.EncodingMode == EncodingMode.Safe)
        {
            return Refuse(400, "plain message in safe mode", "安全模式只接受加密消息。");
        }

        if (InboundMessage.From(fields) is not { } message) return Refuse(400, "incomplete message", "消息缺少 ToUserName、FromUserName、CreateTime 或 MsgType。");

        var reply = await AnswerOnceAsync(message, siteRoot);
        var xml = reply.ToXml(message, _clock.GetUtcNow().ToUnixTimeSeconds());
        if (!query.Encrypted || xml == Reply.Success) return CallbackOutcome.Answer(xml);
        var encrypted = _crypto!.Encrypt(xml);
        var signature = WeChatSignature.Compute(_options.Token!, query.Timestamp!, query.Nonce!, encrypted);
        return CallbackOutcome.Answer(SealedReply.ToXml(encrypted, signature, query.Timestamp!, query.Nonce!), "application/xml; charset=utf-8");
    }

    /// <summary>A retry joins the first attempt; past the budget WeChat gets "success" now and the answer on its retry.</summary>
    private async Task<Reply> AnswerOnceAsync(InboundMessage message, string siteRoot)
    {
        var (answer, retry) = _memory.Remember(message.RetryKey, () => Task.Run(() => _answers.AnswerAsync(message, siteRoot)));
        if (!retry) _log.LogInformation("WeChat {Kind} received", message.IsEvent ? "event" : message.MsgType);
        try
        {
            return await answer.WaitAsync(_options.AnswerBudget, _clock);
        }
        catch (TimeoutException)
        {
            _log.LogWarning("WeChat answer took longer than {Budget}; replied success", _options.AnswerBudget);
            return Reply.Nothing;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The follower hears that it failed rather than the platform's "该公众号暂时无法提供服务".
            _log.LogError(e, "WeChat answer failed");
            return new TextReply(Unavailable);
        }
    }

    /// <summary>Configured, signed by our Token, and sent within the tolerance of now.</summary>
    private CallbackOutcome? Envelope(CallbackQuery query)
    {
        if (!_options.IsConfigured) return CallbackOutcome.Refuse(404, NotConfigured);
        if (string.IsNullOrEmpty(query.Signature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
            return Refuse(400, "missing signature parameters", "缺少 signature、timestamp 或 nonce 参数。");
        if (!WeChatSignature.Matches(query.Signature, _options.Token!, query.Timestamp, query.Nonce))
            return Refuse(403, "wrong signature", "签名不正确。");
        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > _options.TimestampTolerance.TotalSeconds)
            return Refuse(403, "timestamp out of tolerance", "请求时间与服务器时间相差过大，已拒绝（防止重放）。");
        return null;
    }

    private CallbackOutcome Refuse(int status, string reason, string detail)
    {
        _log.LogWarning("WeChat callback refused: {Reason}", reason);
        return CallbackOutcome.Refuse(status, detail);
    }
}
