using System.Globalization;
using System.Xml.Linq;

namespace Portal.Core.WeChat;

/// <summary>A passive reply (被动回复): a short text, a one-article news card, or nothing ("success").</summary>
public abstract record Reply
{
    public static readonly Reply Nothing = new NoReply();

    /// <summary>The reply's XML to the follower who wrote <paramref name="to"/>; "success" when there is nothing to say.</summary>
    public abstract string ToXml(InboundMessage to, long createTime);

    /// <summary>What WeChat wants when a callback has nothing to say: it then neither retries nor tells the follower the account failed.</summary>
    public const string Success = "success";

    protected static XElement Envelope(InboundMessage to, long createTime, string type, params object[] content) =>
        new("xml",
            new XElement("ToUserName", new XCData(to.FromUserName)),
            new XElement("FromUserName", new XCData(to.ToUserName)),
            new XElement("CreateTime", createTime.ToString(CultureInfo.InvariantCulture)),
            new XElement("MsgType", new XCData(type)),
            content);

    private sealed record NoReply : Reply
    {
        public override string ToXml(InboundMessage to, long createTime) => Success;
    }
}

public sealed record TextReply(string Content) : Reply
{
    public override string ToXml(InboundMessage to, long createTime) =>
        Envelope(to, createTime, "text", new XElement("Content", new XCData(Content))).ToString(SaveOptions.DisableFormatting);
}

/// <summary>One article: a title, a line of summary and the H5 page it opens.</summary>
public sealed record NewsReply(string Title, string Description, string Url) : Reply
{
    public override string ToXml(InboundMessage to, long createTime) =>
        Envelope(to, createTime, "news",
            new XElement("ArticleCount", "1"),
            new XElement("Articles", new XElement("item",
                new XElement("Title", new XCData(Title)),
                new XElement("Description", new XCData(Description)),
                new XElement("PicUrl", new XCData("")),
                new XElement("Url", new XCData(Url))))).ToString(SaveOptions.DisableFormatting);
}

/// <summary>Safe mode's envelope around a sealed reply.</summary>
public static class SealedReply
{
    public static string ToXml(string encrypt, string signature, string timestamp, string nonce) =>
        new XElement("xml",
            new XElement("Encrypt", new XCData(encrypt)),
            new XElement("MsgSignature", new XCData(signature)),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", new XCData(nonce))).ToString(SaveOptions.DisableFormatting);
}
