using Portal.Core.Ingest;
using Portal.Core.Payments;

namespace Portal.Core.Tests.Ingest;

public class CellTextTests
{
    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData(" 1234.5 ", "1234.5")]
    [InlineData("１，２３４．５０", "1234.50")]
    [InlineData("¥1,234.50元", "1234.50")]
    [InlineData("580", "580")]
    public void Reads_amounts_as_clerks_write_them(string text, string expected)
    {
        Assert.True(CellText.TryParseAmount(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("一千")]
    [InlineData("")]
    [InlineData("1.2.3")]
    public void Refuses_what_is_not_an_amount_in_yuan(string text) => Assert.False(CellText.TryParseAmount(text, out _));

    [Fact]
    public void Folds_full_width_characters_and_stray_spaces() =>
        Assert.Equal("发放金额(元) 12", CellText.Normalize("　发放金额（元）  １２ "));

    [Theory]
    [InlineData("2026-05", 2026, 5)]
    [InlineData("2026/5", 2026, 5)]
    [InlineData("2026.05", 2026, 5)]
    [InlineData("2026年5月", 2026, 5)]
    [InlineData("202605", 2026, 5)]
    [InlineData("2026-05-20", 2026, 5)]
    public void Reads_periods_in_the_forms_departments_use(string text, int year, int month)
    {
        Assert.True(Period.TryParseLoose(text, out var period));
        Assert.Equal(new Period(year, month), period);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("26-05")]
    [InlineData("五月")]
    public void Refuses_malformed_periods(string text)
    {
        Assert.False(Period.TryParseLoose(text, out _));
        Assert.False(Period.TryParseIso(text, out _));
    }

    [Theory]
    [InlineData(1234.5, "¥1,234.50")]
    [InlineData(9696, "¥9,696.00")]
    [InlineData(3567000, "¥3,567,000.00")]
    public void Shows_a_payment_in_exact_yuan(decimal amount, string text) => Assert.Equal(text, Money.Yuan(amount));

    [Theory]
    [InlineData(1234.5, "0.12万元")]
    [InlineData(104000, "10.40万元")]
    [InlineData(3567000, "356.70万元")]
    [InlineData(920000000, "92,000.00万元")]
    public void Shows_every_total_in_wan_yuan_whatever_its_size(decimal amount, string text) => Assert.Equal(text, Money.Total(amount));
}
