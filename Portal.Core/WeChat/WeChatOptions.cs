namespace Portal.Core.WeChat;

/// <summary>How the Official Account's messages travel, as chosen on the WeChat platform (消息加解密方式).</summary>
public enum EncodingMode { Plain, Compatible, Safe }

/// <summary>The Official Account callback (Portal:WeChat). Without a Token the callback is switched off.</summary>
public sealed class WeChatOptions
{
    public const string Section = "Portal:WeChat";

    /// <summary>The Token entered on the platform (3–32 letters or digits); it signs every request.</summary>
    public string? Token { get; set; }

    /// <summary>The account's AppID; safe mode seals it into every message, and a message for another account is refused.</summary>
    public string? AppId { get; set; }

    /// <summary>The 43-character EncodingAESKey from the platform; needed for compatible and safe mode.</summary>
    public string? EncodingAesKey { get; set; }

    public EncodingMode EncodingMode { get; set; } = EncodingMode.Plain;

    /// <summary>How far a request's timestamp may be from now: a recorded request replayed later is refused.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>WeChat waits 5 seconds for an answer; past this budget the callback says "success" and answers the retry.</summary>
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(4);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);

    public bool Encrypts => EncodingMode != EncodingMode.Plain;

    /// <summary>What is wrong with the settings, in Chinese, or null when they can be used (or the callback is off).</summary>
    public string? Problem()
    {
        if (!IsConfigured) return null;
        if (Token!.Length is < 3 or > 32 || !Token.All(char.IsAsciiLetterOrDigit))
            return "Portal:WeChat:Token 应为 3 到 32 位英文字母或数字，与公众平台“服务器配置”中填写的相同。";
        if (!Encrypts) return null;
        if (string.IsNullOrWhiteSpace(AppId)) return "兼容模式和安全模式需要 Portal:WeChat:AppId（公众号的 AppID）。";
        if (!MessageCrypto.IsValidKey(EncodingAesKey))
            return "Portal:WeChat:EncodingAesKey 应为公众平台生成的 43 位消息加解密密钥（EncodingAESKey）。";
        return null;
    }
}
