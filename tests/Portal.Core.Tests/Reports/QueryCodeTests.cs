using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

public sealed class QueryCodeTests
{
    [Fact]
    public void A_query_code_carries_more_than_80_bits_in_symbols_that_cannot_be_mistaken_for_one_another()
    {
        var code = QueryCode.New();

        Assert.True(QueryCode.Bits >= 80, $"{QueryCode.Bits} bits");
        Assert.Equal(QueryCode.Length, code.Length);
        Assert.All(code, c => Assert.Contains(c, QueryCode.Alphabet));
        Assert.DoesNotContain(QueryCode.Alphabet, c => c is '0' or 'O' or '1' or 'I' or 'L');
    }

    [Fact]
    public void A_query_code_is_shown_in_groups_of_four_for_reading_aloud()
    {
        var shown = QueryCode.Format("23456789ABCDEFGHJKMN");

        Assert.Equal("2345-6789-ABCD-EFGH-JKMN", shown);
    }

    [Theory]
    [InlineData("2345-6789-abcd-efgh-jkmn")]
    [InlineData(" 2345 6789 ABCD EFGH JKMN ")]
    [InlineData("２３４５－６７８９－ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ")]
    public void A_code_typed_with_spaces_hyphens_lower_case_or_full_width_characters_is_read_the_same(string typed)
    {
        Assert.Equal("23456789ABCDEFGHJKMN", QueryCode.Normalize(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2345-6789-ABCD-EFGH")]
    [InlineData("2345-6789-ABCD-EFGH-JKM0")]
    [InlineData("2345-6789-ABCD-EFGH-JKMN-P")]
    [InlineData("<script>alert(1)</script>")]
    public void Anything_that_cannot_be_a_query_code_is_not_looked_up(string typed)
    {
        Assert.Null(QueryCode.Normalize(typed));
    }

    [Fact]
    public void Ten_thousand_codes_are_all_different()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => QueryCode.New()).ToHashSet();

        Assert.Equal(10_000, codes.Count);
    }
}
