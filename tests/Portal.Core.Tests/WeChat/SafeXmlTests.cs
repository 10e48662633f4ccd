using Portal.Core.WeChat;

namespace Portal.Core.Tests.WeChat;

public class SafeXmlTests
{
    [Fact]
    public void The_fields_of_a_text_message_are_read_from_CDATA_and_plain_text()
    {
        var fields = SafeXml.ReadFields(
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o_follower]]></FromUserName>" +
            "<CreateTime>1714037059</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[史庄村 低保]]></Content><MsgId>1234567890123456</MsgId></xml>")!;
        Assert.Equal("史庄村 低保", fields["Content"]);
        Assert.Equal("1714037059", fields["CreateTime"]);
        Assert.Equal("1234567890123456", fields["MsgId"]);
    }

    [Fact]
    public void Nested_groups_are_skipped_and_the_fields_after_them_still_read()
    {
        var fields = SafeXml.ReadFields("<xml><Event>scancode_push</Event><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo><EventKey>K</EventKey></xml>")!;
        Assert.Equal("K", fields["EventKey"]);
        Assert.False(fields.ContainsKey("ScanType"));
    }

    [Theory]
    [InlineData("<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><Content>&xxe;</Content></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Content>&b;</Content></xml>")]
    [InlineData("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><Content>x</Content></xml>")]
    public void A_document_with_a_DOCTYPE_or_entities_is_refused(string xml) => Assert.Null(SafeXml.ReadFields(xml));

    [Theory]
    [InlineData("")]
    [InlineData("史庄村 低保")]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("<root><Content>x</Content></root>")]
    [InlineData("<xml><Content>x</Content></xml><xml/>")]
    [InlineData("{\"Content\": \"json\"}")]
    public void Text_that_is_not_WeChats_XML_is_refused(string xml) => Assert.Null(SafeXml.ReadFields(xml));

    [Fact]
    public void A_document_larger_than_the_limit_is_refused() =>
        Assert.Null(SafeXml.ReadFields("<xml><Content>" + new string('长', SafeXml.MaxCharacters) + "</Content></xml>"));
}
