using System.Globalization;

namespace Portal.Core.WeChat;

/// <summary>A message or event from a follower, as the platform pushes it. Its content is never logged.</summary>
public sealed record InboundMessage(
    string ToUserName, string FromUserName, long CreateTime, string MsgType, string? Content, string? MsgId, string? Event, string? EventKey)
{
    public bool IsEvent => MsgType == "event";

    /// <summary>
    /// What the platform keeps the same when it retries: the MsgId of a message, the sender and CreateTime of an event
    /// (with the event's name, so a tap on the menu in the same second as subscribing is not taken for a retry).
    /// The sender is hashed so the memory holds no follower's ID in the clear.
    /// </summary>
    public string RetryKey => MsgId is { Length: > 0 }
        ? "m:" + MsgId
        : "e:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(FromUserName)))[..32] + ":" + CreateTime.ToString(CultureInfo.InvariantCulture) + ":" + Event;

    /// <summary>The message in fields read by <see cref="SafeXml"/>, or null when a required field is missing.</summary>
    public static InboundMessage? From(IReadOnlyDictionary<string, string> fields)
    {
        if (!fields.TryGetValue("ToUserName", out var to) || to.Length == 0
            || !fields.TryGetValue("FromUserName", out var from) || from.Length == 0
            || !fields.TryGetValue("MsgType", out var type) || type.Length == 0
            || !fields.TryGetValue("CreateTime", out var created) || !long.TryParse(created, NumberStyles.None, CultureInfo.InvariantCulture, out var time))
            return null;
        return new InboundMessage(to, from, time, type.Trim().ToLowerInvariant(),
            fields.GetValueOrDefault("Content"), fields.GetValueOrDefault("MsgId"),
            fields.GetValueOrDefault("Event")?.Trim(), fields.GetValueOrDefault("EventKey"));
    }
}
