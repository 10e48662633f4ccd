using Portal.Core.WeChat;

namespace Portal.Core.Tests.WeChat;

public class SignatureTests
{
    // The worked examples of WeChat's "消息推送" and "消息加解密说明" pages (Token AAAAA).
    [Fact]
    public void The_URL_check_example_from_WeChats_documentation_signs_as_documented() =>
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatSignature.Compute("AAAAA", "1714036504", "1514711492"));

    [Fact]
    public void The_message_push_example_from_WeChats_documentation_signs_as_documented() =>
        Assert.True(WeChatSignature.Matches("899cf89e464efb63f54ddac96b0a0a235f53aa78", "AAAAA", "1714037059", "486452656"));

    [Fact]
    public void The_order_the_parts_are_given_in_does_not_matter() =>
        Assert.Equal(WeChatSignature.Compute("AAAAA", "1714037059", "486452656"), WeChatSignature.Compute("486452656", "AAAAA", "1714037059"));

    [Theory]
    [InlineData("899cf89e464efb63f54ddac96b0a0a235f53aa79")]
    [InlineData("899cf89e464efb63f54ddac96b0a0a235f53aa7")]
    [InlineData("")]
    [InlineData(null)]
    public void A_wrong_or_missing_signature_does_not_match(string? signature) =>
        Assert.False(WeChatSignature.Matches(signature, "AAAAA", "1714037059", "486452656"));

    [Fact]
    public void The_message_signature_covers_the_sealed_message_too()
    {
        var signature = WeChatSignature.Compute("AAAAA", "1714037059", "486452656", "c2VhbGVk");
        Assert.True(WeChatSignature.Matches(signature, "AAAAA", "1714037059", "486452656", "c2VhbGVk"));
        Assert.False(WeChatSignature.Matches(signature, "AAAAA", "1714037059", "486452656", "c2VhbGVl"));
    }
}
