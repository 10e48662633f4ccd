using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Tests;

namespace Portal.Core.Tests.Ingest;

public class DesensitizerTests
{
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly OwnerKey Owners = new(new byte[32]);
    private static readonly Desensitizer Desensitizer = new(Owners, SampleData.Regions, SampleData.Funds);

    private static CheckedRow Row(string name = "张三明", string department = "杞县民政局") => new(4, name, ExportFiles.Id(1), SampleData.Regions.Find("410221101201")!,
        SampleData.Funds.ByCode("rural-dibao")!, Period.FromValue(202605), 580m, 3, department, new DateOnly(2026, 5, 20));

    [Fact]
    public void A_published_payment_keeps_no_name_id_number_or_phone_of_the_row()
    {
        var row = Row(department: "张三明 13912345678");
        var seen = JsonSerializer.Serialize(row, AsWritten);
        Assert.Contains("张三明", seen);
        Assert.Contains(row.IdNumber, seen);
        Assert.Contains("13912345678", seen);

        var payment = Desensitizer.Desensitize(row);
        var published = JsonSerializer.Serialize(payment, AsWritten);
        Assert.DoesNotContain("三明", published);
        Assert.DoesNotContain(row.IdNumber[6..14], published);
        Assert.DoesNotContain("13912345678", published);
        Assert.Equal("张*明", payment.MaskedName);
        Assert.Equal("民政", payment.Department);
        Assert.Equal(580m, payment.Amount);
    }

    [Fact]
    public void The_person_can_find_their_own_payment_only_through_the_keyed_hash_of_name_and_id_number()
    {
        var payment = Desensitizer.Desensitize(Row());
        Assert.Equal(Owners.For("张三明", ExportFiles.Id(1)), payment.OwnerKey);
        Assert.NotEqual(Owners.For("张三明", ExportFiles.Id(2)), payment.OwnerKey);
        Assert.Matches("^[0-9a-f]{32}$", payment.OwnerKey);
    }

    [Fact]
    public void Supervision_gets_a_keyed_hash_of_the_id_number_alone_and_the_identity_sealed_under_the_payment_id()
    {
        var identities = new Portal.Core.Supervision.SubjectIdentity(new Portal.Core.Reports.ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId));
        var payment = new Desensitizer(Owners, SampleData.Regions, SampleData.Funds, identities).Desensitize(Row());

        Assert.Equal(Owners.ForIdNumber(ExportFiles.Id(1)), payment.PersonKey);
        Assert.Matches("^[0-9a-f]{32}$", payment.PersonKey);
        var sealedText = System.Text.Encoding.UTF8.GetString(payment.SealedIdentity);
        Assert.DoesNotContain("三明", sealedText);
        Assert.DoesNotContain(ExportFiles.Id(1)[6..14], sealedText);
        Assert.Equal(new Portal.Core.Supervision.RecipientIdentity("张三明", ExportFiles.Id(1)), identities.Open(PaymentIndexRules.PublicId(payment), payment.SealedIdentity));
        Assert.Empty(Desensitizer.Desensitize(Row()).SealedIdentity);
    }

    [Fact]
    public void A_public_payment_has_no_field_that_could_hold_more_than_a_masked_name_keyed_hashes_and_an_office()
    {
        var text = typeof(ValidPayment).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name).Order();
        Assert.Equal(["Department", "MaskedName", "OwnerKey", "PersonKey"], text);
        Assert.DoesNotContain(typeof(ValidPayment).GetConstructors(), c => c.IsPublic);
        Assert.DoesNotContain(typeof(ValidPayment).GetProperties(), p => p.SetMethod?.IsPublic == true);
    }

    [Theory]
    [InlineData("杞县民政局", "杞县民政局")]
    [InlineData("五里河镇 民政所", "五里河镇民政所")]
    [InlineData("五里河民政办", "五里河民政办")]
    [InlineData("河南省开封市杞县残联", "河南省开封市杞县残联")]
    [InlineData("杞县财政局", null)]
    [InlineData("睢县民政局", null)]
    [InlineData("民政局 13912345678", null)]
    [InlineData("杞县张三明", null)]
    public void Only_an_office_of_the_catalogue_in_a_place_above_the_village_is_published_as_written(string cell, string? office)
    {
        Assert.Equal(office, Desensitizer.Office(cell, SampleData.Regions.Find("410221101201")!));
        Assert.Equal(office ?? "民政", Desensitizer.Desensitize(Row(department: cell)).Department);
    }
}
