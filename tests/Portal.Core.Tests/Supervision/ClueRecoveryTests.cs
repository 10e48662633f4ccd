using Portal.Core.Supervision;

namespace Portal.Core.Tests.Supervision;

public class ClueRecoveryTests
{
    [Theory]
    [InlineData(null, false, "请填写追回金额，或勾选“已停发”（两者可以都有）。")]
    [InlineData("-1", false, "追回金额不能是负数。没有追回的，请填 0 并勾选“已停发”。")]
    [InlineData("-0.01", true, "追回金额不能是负数。没有追回的，请填 0 并勾选“已停发”。")]
    [InlineData("0.001", false, "追回金额最多精确到分（两位小数）。")]
    [InlineData("72000.01", false, "追回金额 ¥72,000.01 超过了这笔发放 ¥600.00 的 120 倍（¥72,000.00），请核对是否多写了位数；同一人多笔违规发放的，请在各自的线索中分别记录。")]
    public void An_amount_recovered_that_makes_no_sense_is_refused(string? recovered, bool stopped, string refusal) =>
        Assert.Equal(refusal, ClueLedger.RecoveryProblem(LedgerClues.New(amount: 600m), Parse(recovered), stopped));

    [Theory]
    [InlineData(null, true)]
    [InlineData("0", true)]
    [InlineData("0.01", false)]
    [InlineData("72000.00", false)]
    public void Payment_stopped_or_an_amount_up_to_ten_years_of_the_payment_is_accepted(string? recovered, bool stopped) =>
        Assert.Null(ClueLedger.RecoveryProblem(LedgerClues.New(amount: 600m), Parse(recovered), stopped));

    private static decimal? Parse(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
