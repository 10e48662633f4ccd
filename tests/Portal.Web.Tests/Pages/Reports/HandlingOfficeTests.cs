using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Reports;

/// <summary>The form says which 纪委监委 will handle the report before it is filed, and takes in only what the deployment handles.</summary>
[Collection(WebCollection.Name)]
public class HandlingOfficeTests(PortalWebFactory factory)
{
    private readonly Reporter _reporter = new(factory.CreateClient());

    [Fact]
    public async Task Before_filing_a_village_cadre_of_Qixian_the_form_says_Qixian_will_handle_it_and_so_do_the_receipt_and_the_progress_page()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["reportedPerson.level"] = "村（社区）干部";
        fields["reportedPerson.regionCode"] = "410221102203";
        fields["whichOffice"] = "1";
        await _reporter.Submit(fields);
        var asked = _reporter.Page;

        fields.Remove("whichOffice");
        await _reporter.Submit(fields);

        Assert.DoesNotContain("举报已提交", asked);
        Assert.Contains("将由 <b>杞县纪委监委</b> 受理", asked);
        Assert.Equal("村干部冒领低保金", Reporter.ValueOf(asked, "title"));
        Assert.Contains("举报已提交", _reporter.Page);
        Assert.Contains("<dd class=\"office\">杞县纪委监委</dd>", _reporter.Page);
        var number = Reporter.ReceiptNumber(_reporter.Page);
        await _reporter.LookUp(Reporter.QueryCode(_reporter.Page), Reporter.Password);
        Assert.Contains(number, _reporter.Page);
        Assert.Contains("<dt>受理机关</dt><dd class=\"office\">杞县纪委监委</dd>", _reporter.Page);
        Assert.Equal("410221", (await Reporter.InDatabase(factory, db => db.Reports.AsNoTracking().SingleAsync(r => r.ReceiptNumber == number))).OfficeCode);
    }

    [Fact]
    public async Task A_county_level_official_goes_to_the_city()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["reportedPerson.level"] = "县处级";
        fields["whichOffice"] = "1";
        await _reporter.Submit(fields);

        Assert.Contains("将由 <b>开封市纪委监委</b> 受理", _reporter.Page);
    }

    [Fact]
    public async Task An_official_above_the_city_is_not_taken_in_and_the_form_says_where_to_report_with_the_typed_text_kept()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["reportedPerson.level"] = "厅局级及以上";
        var response = await _reporter.Submit(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("举报已提交", _reporter.Page);
        var error = Reporter.ErrorNextTo(_reporter.Page, "reportedPerson.level");
        Assert.Contains("河南省纪委监委（https://www.hnsjct.gov.cn）", error);
        Assert.Contains("https://www.12388.gov.cn", error);
        Assert.Equal("村干部冒领低保金", Reporter.ValueOf(_reporter.Page, "title"));
        Assert.Contains("村支部书记王某把已去世村民的低保金继续领走", _reporter.Page);
    }

    [Fact]
    public async Task A_place_outside_Kaifeng_is_refused_by_name_with_the_typed_text_kept()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["reportedPerson.region"] = "";
        fields["reportedPerson.regionCode"] = "330109";
        await _reporter.Submit(fields);

        Assert.DoesNotContain("举报已提交", _reporter.Page);
        Assert.Contains("浙江省杭州市萧山区不在本平台受理范围（开封市）", Reporter.ErrorNextTo(_reporter.Page, "reportedPerson.region"));
        Assert.Equal("村干部冒领低保金", Reporter.ValueOf(_reporter.Page, "title"));
    }
}
