using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Web.Tests.Pages.Reports;

[Collection(WebCollection.Name)]
public class IndexTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_scope_notice_says_what_the_office_takes_where_the_rest_goes_and_that_false_accusation_is_prohibited()
    {
        var html = await Html.Get(_client, "/reports");
        foreach (var discipline in new[] { "政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律", "职务违法", "职务犯罪" })
            Assert.Contains(discipline, html);
        foreach (var elsewhere in new[] { "人民法院", "人民调解委员会", "信访部门", "公安机关", "市场监管部门", "12345" })
            Assert.Contains(elsewhere, html);
        Assert.Contains("严格保密", html);
        Assert.Contains("诬告陷害", html);
        Assert.Contains("<form class=\"confirm\" method=\"get\" action=\"/reports/new\"", html);
        Assert.Contains("name=\"confirm\" value=\"1\" required", html);
        Assert.Contains("href=\"/reports/progress\"", html);
        Assert.Contains("href=\"/reports/verify\"", html);
    }

    [Fact]
    public async Task Objecting_to_a_payment_carries_only_its_id_through_the_scope_notice_to_the_form_which_shows_the_masked_record()
    {
        var row = factory.Data.Rows[0];
        var payment = (await factory.Services.GetRequiredService<IPaymentIndex>()
            .SearchAsync(new PaymentQuery { RegionCode = row.Person.Village.Code, PageSize = PaymentQuery.MaxPageSize })).Items
            .Single(p => p.MaskedName == NameMask.Mask(row.Person.Name) && p.FundCode == row.Fund.Code && p.Period == row.Period && p.Amount == row.Amount);
        var village = await Html.Get(_client, $"/payments/{row.Person.Village.Code}?pageSize=100");
        var link = $"/reports?paymentId={payment.Id}";
        Assert.Contains($"<a class=\"object\" href=\"{link}\">对此公示有异议</a>", village);

        var notice = await Html.Get(_client, link);
        Assert.Contains($"<input type=\"hidden\" name=\"paymentId\" value=\"{payment.Id}\">", notice);

        var form = await new Reporter(_client).OpenForm(payment.Id);
        Assert.Contains("所附公示记录", form);
        Assert.Contains($"<dd>{payment.MaskedName}</dd>", form);
        Assert.Contains($"<dd>{row.Fund.Name}</dd>", form);
        Assert.Contains($"<dd>{Money.Yuan(payment.Amount)}</dd>", form);
        Assert.Contains($"<dd>{payment.Period.ToChinese()}</dd>", form);
        Assert.Contains(RegionCatalog.DisplayName(row.Person.Village), form);
        Assert.Contains($"<input type=\"hidden\" name=\"paymentId\" value=\"{payment.Id}\">", form);
        foreach (var secret in new[] { row.Person.Name, row.Person.IdNumber, row.Person.Phone, row.Person.BankAccount })
            Assert.DoesNotContain(secret, WebUtility.HtmlDecode(form));
    }

    [Fact]
    public async Task A_link_to_a_payment_no_longer_published_opens_the_form_without_a_record()
    {
        var form = await new Reporter(_client).OpenForm("no-such-payment");
        Assert.Contains("不存在或已过公示期", form);
        Assert.DoesNotContain("name=\"paymentId\"", form);
    }
}
