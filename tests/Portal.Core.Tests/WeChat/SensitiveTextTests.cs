using Portal.Core.Reports;
using Portal.Core.WeChat;

namespace Portal.Core.Tests.WeChat;

public class SensitiveTextTests
{
    [Theory]
    [InlineData("7KQ4-M2XZ-ABCD-EFGH-JKMN")]
    [InlineData("我的查询码 7kq4 m2xz abcd efgh jkmn 密码 abc12345")]
    [InlineData("7KQ4M2XZABCDEFGHJKMN")]
    [InlineData("7KQ0-M2XZ-ABCD-EFGH-JKMN")]
    public void A_query_code_however_it_is_typed_is_noticed(string text) => Assert.Equal(SensitiveKind.QueryCode, SensitiveText.Detect(text));

    [Fact]
    public void A_freshly_made_query_code_is_noticed() => Assert.Equal(SensitiveKind.QueryCode, SensitiveText.Detect(QueryCode.Format(QueryCode.New())));

    [Fact]
    public void A_password_mentioned_is_noticed() => Assert.Equal(SensitiveKind.Password, SensitiveText.Detect("我的密码是 hello123"));

    [Theory]
    [InlineData("41022119800101123X")]
    [InlineData("身份证 410221 1980 0101 1234")]
    public void An_ID_number_is_noticed(string text) => Assert.Equal(SensitiveKind.IdNumber, SensitiveText.Detect(text));

    [Theory]
    [InlineData("史庄村 低保")]
    [InlineData("2026-05 五里河镇")]
    [InlineData("410221101201")]
    public void A_question_about_payments_is_not_sensitive(string text) => Assert.Equal(SensitiveKind.None, SensitiveText.Detect(text));
}
