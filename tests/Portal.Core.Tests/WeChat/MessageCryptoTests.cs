using Portal.Core.WeChat;

namespace Portal.Core.Tests.WeChat;

public class MessageCryptoTests
{
    public const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AppId = "wxb11529c136998cb6";
    private const string Message = "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><Content><![CDATA[史庄村 低保]]></Content></xml>";

    // Sealed independently (Python's cryptography package, AES-256-CBC without its own padding) with the random prefix 00 01 … 0f.
    private const string SealedElsewhere =
        "IG+0eOkLdhYW9kHtuT3HY06WHBWrp4gERQCLVyodt1khXHMZtHZma86TEAjyKadzNvYn3qEQBNaCVA5geuIhlXqoAQW/d9//Llmk9dODxlP0wGiMn7TqmVCm4bhiTQVXK6X8qeGDn8fIHumlEcCRjtSzVqPKraK2y9DAAY5mAGz+9ljRrIx6UFwmslIArj3j11UX2abmAQWv33+KUDUCHA==";

    private readonly MessageCrypto _crypto = new(Key, AppId);

    [Fact]
    public void A_message_sealed_by_another_implementation_of_the_scheme_opens() =>
        Assert.Equal(Message, _crypto.Decrypt(SealedElsewhere));

    [Fact]
    public void Sealing_with_the_same_random_prefix_gives_the_same_bytes_as_the_other_implementation() =>
        Assert.Equal(SealedElsewhere, _crypto.Encrypt(Message, Enumerable.Range(0, 16).Select(i => (byte)i).ToArray()));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("史庄村 低保")]
    [InlineData("<xml><Content><![CDATA[一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十]]></Content></xml>")]
    public void What_is_sealed_opens_to_the_same_text_and_is_padded_to_whole_32_byte_blocks(string message)
    {
        var sealedText = _crypto.Encrypt(message);
        Assert.Equal(0, Convert.FromBase64String(sealedText).Length % 32);
        Assert.Equal(message, _crypto.Decrypt(sealedText));
    }

    [Fact]
    public void Two_seals_of_one_message_differ_because_of_the_random_prefix() =>
        Assert.NotEqual(_crypto.Encrypt(Message), _crypto.Encrypt(Message));

    [Fact]
    public void A_message_sealed_for_another_account_does_not_open() =>
        Assert.Null(new MessageCrypto(Key, "wx0000000000000000").Decrypt(SealedElsewhere));

    [Fact]
    public void A_message_sealed_with_another_key_does_not_open() =>
        Assert.Null(new MessageCrypto("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", AppId).Decrypt(SealedElsewhere));

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")]
    [InlineData("")]
    public void Garbage_does_not_open(string sealedText) => Assert.Null(_crypto.Decrypt(sealedText));

    [Theory]
    [InlineData(Key, true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!", false)]
    [InlineData(null, false)]
    public void Only_a_43_character_key_is_accepted(string? key, bool valid) => Assert.Equal(valid, MessageCrypto.IsValidKey(key));
}
