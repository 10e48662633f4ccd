using Portal.Core.Offices;
using Portal.Core.Tests.Offices;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Reports;

public sealed class ReportValidatorTests : IDisposable
{
    private readonly SampleData _data = new();
    private readonly LucenePaymentIndex _payments;
    private readonly ReportValidator _validator;

    public ReportValidatorTests()
    {
        _data.AddCounty("410221", people: 5, months: 1);
        _payments = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        _validator = new ReportValidator(SampleData.Regions, new Jurisdiction(OfficeTreeTests.Default(), SampleData.Regions), _payments, TimeProvider.System);
    }

    [Fact]
    public async Task A_complete_named_report_passes()
    {
        Assert.Empty(await _validator.ValidateAsync(ReportsHarness.Named()));
    }

    [Fact]
    public async Task An_anonymous_report_needs_no_reporter_fields()
    {
        Assert.Empty(await _validator.ValidateAsync(ReportsHarness.Anonymous()));
    }

    [Fact]
    public async Task Each_missing_or_wrong_field_is_named_with_what_to_do()
    {
        var form = new ReportSubmission
        {
            Reporter = new ReporterFields { Name = "赵", IdNumber = "110105194912310021", Phone = "12345", Address = new string('路', 201) },
            ReportedPerson = new ReportedPersonFields { Level = "大官", Region = "999999" },
            Category = "贪污",
            Content = "太短了",
            Password = "1234567",
            PaymentId = "no-such-payment",
            SubmissionToken = "短",
        };

        var errors = await _validator.ValidateAsync(form);

        Assert.Equal(
            ["category", "content", "password", "paymentId", "reportedPerson.level", "reportedPerson.name", "reportedPerson.region", "reportedPerson.unit",
             "reporter.address", "reporter.idNumber", "reporter.name", "reporter.phone", "submissionToken", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("最后一位对不上", errors["reporter.idNumber"]);
        Assert.Contains("11 位手机号码", errors["reporter.phone"]);
        Assert.Contains("至少 20 个字（现在 3 个字）", errors["content"]);
        Assert.Contains("乡科级及以下", errors["reportedPerson.level"]);
    }

    [Fact]
    public async Task The_account_of_facts_may_be_up_to_ten_thousand_characters()
    {
        var form = ReportsHarness.Anonymous(facts: new string('事', 10_000));
        var longer = ReportsHarness.Anonymous(facts: new string('事', 10_001));

        Assert.Empty(await _validator.ValidateAsync(form));
        Assert.Contains("最多 10,000 个字（现在 10,001 个字）", (await _validator.ValidateAsync(longer))["content"]);
    }

    [Fact]
    public async Task The_repeated_password_must_match()
    {
        var form = ReportsHarness.Named();
        form.PasswordRepeat = "不一样的密码12345";

        Assert.Equal(["passwordRepeat"], (await _validator.ValidateAsync(form)).Keys);
    }

    [Fact]
    public async Task A_dispute_of_a_published_payment_may_leave_out_the_reported_person_and_rank_which_a_villager_cannot_know()
    {
        var payment = (await _payments.SearchAsync(new PaymentQuery { RegionCode = "410221", PageSize = 1 })).Items[0];
        var form = ReportsHarness.Anonymous();
        form.PaymentId = payment.Id;
        form.ReportedPerson = new ReportedPersonFields { Region = payment.VillageCode };

        Assert.Empty(await _validator.ValidateAsync(form));
    }

    [Fact]
    public async Task Without_a_disputed_payment_the_reported_person_unit_and_rank_are_still_required()
    {
        var form = ReportsHarness.Anonymous();
        form.ReportedPerson = new ReportedPersonFields { Region = "410221" };

        var errors = await _validator.ValidateAsync(form);

        Assert.Equal(["reportedPerson.level", "reportedPerson.name", "reportedPerson.unit"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_report_may_dispute_a_published_payment_by_its_id()
    {
        var payment = (await _payments.SearchAsync(new PaymentQuery { RegionCode = "410221", PageSize = 1 })).Items[0];
        var form = ReportsHarness.Anonymous();
        form.PaymentId = payment.Id;

        Assert.Empty(await _validator.ValidateAsync(form));
    }

    [Theory]
    [InlineData("13900001234", "13900001234")]
    [InlineData("+86 139-0000-1234", "13900001234")]
    [InlineData("１３９００００１２３４", "13900001234")]
    [InlineData("12900001234", null)]
    [InlineData("0371-12345678", null)]
    public void Mobile_numbers_are_read_with_spaces_hyphens_and_country_code(string typed, string? expected)
    {
        Assert.Equal(expected, ReportValidator.NormalizePhone(typed));
    }

    [Fact]
    public void Control_characters_are_dropped_and_line_breaks_kept()
    {
        Assert.Equal("第一行\n第二行", ReportValidator.Clean("  第一行\r\n第\u0000二\u0007行  "));
    }

    public void Dispose()
    {
        _payments.Dispose();
        _data.Dispose();
    }
}
