using Portal.Core.WeChat;

namespace Portal.Core.Tests.WeChat;

public class ReplyTests
{
    private static readonly InboundMessage From = new("gh_account", "o_follower", 1714037059, "text", "史庄村", "1", null, null);

    [Fact]
    public void A_text_reply_goes_back_to_the_sender_from_the_account()
    {
        var fields = SafeXml.ReadFields(new TextReply("共 3 笔").ToXml(From, 1714037060))!;
        Assert.Equal("o_follower", fields["ToUserName"]);
        Assert.Equal("gh_account", fields["FromUserName"]);
        Assert.Equal("1714037060", fields["CreateTime"]);
        Assert.Equal("text", fields["MsgType"]);
        Assert.Equal("共 3 笔", fields["Content"]);
    }

    [Fact]
    public void Text_that_would_close_a_CDATA_section_survives()
    {
        var fields = SafeXml.ReadFields(new TextReply("a]]>b<c>&d").ToXml(From, 1))!;
        Assert.Equal("a]]>b<c>&d", fields["Content"]);
    }

    [Fact]
    public void A_news_reply_is_one_article_with_its_title_summary_and_link()
    {
        var xml = new NewsReply("史庄村 惠民资金公开", "共 3 笔", "https://jw.example.gov.cn/payments/410221101201?fund=rural-dibao").ToXml(From, 1);
        var fields = SafeXml.ReadFields(xml)!;
        Assert.Equal("news", fields["MsgType"]);
        Assert.Equal("1", fields["ArticleCount"]);
        Assert.Contains("<Title><![CDATA[史庄村 惠民资金公开]]></Title>", xml);
        Assert.Contains("<Url><![CDATA[https://jw.example.gov.cn/payments/410221101201?fund=rural-dibao]]></Url>", xml);
    }

    [Fact]
    public void Nothing_to_say_is_the_word_success() => Assert.Equal("success", Reply.Nothing.ToXml(From, 1));

    [Fact]
    public void A_sealed_reply_carries_the_sealed_text_its_signature_and_the_requests_timestamp_and_nonce()
    {
        var fields = SafeXml.ReadFields(SealedReply.ToXml("c2VhbGVk", "abc", "1714037059", "486452656"))!;
        Assert.Equal(["Encrypt", "MsgSignature", "TimeStamp", "Nonce"], fields.Keys);
        Assert.Equal("c2VhbGVk", fields["Encrypt"]);
        Assert.Equal("1714037059", fields["TimeStamp"]);
    }
}
