using System.Security.Cryptography;
using System.Text;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Reports;

public sealed class ReportCipherTests
{
    private static readonly byte[] SecondKey = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void A_sealed_value_opens_to_the_same_text_and_holds_none_of_it_in_the_clear()
    {
        var cipher = new ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId);

        var sealedValue = cipher.SealText("举报人：赵秀英", "report:1:identity");

        Assert.Equal("举报人：赵秀英", cipher.OpenText(sealedValue, "report:1:identity"));
        Assert.True(sealedValue.AsSpan().IndexOf(Encoding.UTF8.GetBytes("赵秀英")) < 0);
        Assert.Equal(ReportSecrets.KeyId, ReportCipher.KeyIdOf(sealedValue));
    }

    [Fact]
    public void The_same_text_sealed_twice_looks_different()
    {
        var cipher = new ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId);

        Assert.NotEqual(cipher.SealText("同一段话", "c"), cipher.SealText("同一段话", "c"));
    }

    [Fact]
    public void A_value_moved_to_another_report_or_field_does_not_open()
    {
        var cipher = new ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId);
        var sealedValue = cipher.SealText("内容", "report:1:content");

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedValue, "report:2:content"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedValue, "report:1:identity"));
    }

    [Fact]
    public void A_tampered_value_does_not_open()
    {
        var cipher = new ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId);
        var sealedValue = cipher.SealText("内容", "c");
        sealedValue[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedValue, "c"));
    }

    [Fact]
    public void After_rotation_the_new_key_seals_and_the_old_one_still_opens()
    {
        var old = new ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId);
        var sealedBefore = old.SealText("旧的", "c");
        var rotated = new ReportCipher(new Dictionary<string, byte[]>(ReportSecrets.Keys) { ["k2"] = SecondKey }, "k2");

        var sealedAfter = rotated.SealText("新的", "c");

        Assert.Equal("旧的", rotated.OpenText(sealedBefore, "c"));
        Assert.Equal("k2", ReportCipher.KeyIdOf(sealedAfter));
    }

    [Fact]
    public void A_value_sealed_with_a_key_that_was_removed_says_which_key_to_put_back()
    {
        var sealedValue = new ReportCipher(new Dictionary<string, byte[]> { ["k2"] = SecondKey }, "k2").SealText("x", "c");
        var cipher = new ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId);

        var error = Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedValue, "c"));

        Assert.Contains("'k2'", error.Message);
    }

    [Theory]
    [InlineData("", "k1", "未配置")]
    [InlineData("短", "k1", "Base64")]
    [InlineData("AAAA", "k1", "32 字节")]
    [InlineData("Ip8MSOM7rerIQo37/nmBukXYUM+WKlpoWNDHbCKf4DI=", "k9", "ActiveKeyId")]
    public void Missing_or_malformed_keys_stop_the_host_with_a_message_that_says_how_to_make_one(string key, string active, string expected)
    {
        var options = new ReportSecretsOptions { ActiveKeyId = active };
        if (key.Length > 0) options.EncryptionKeys["k1"] = key;

        var error = Assert.Throws<InvalidOperationException>(() => options.KeyBytes());

        Assert.Contains(expected, error.Message);
    }
}
