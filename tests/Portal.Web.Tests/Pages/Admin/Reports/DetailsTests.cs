using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Admin.Reports;

[Collection(BackOfficeCollection.Name)]
public partial class DetailsTests(BackOfficeFactory factory)
{
    private static string Status(string html) => WebUtility.HtmlDecode(StatusPattern().Match(html).Groups[1].Value);

    private static List<string> Forms(string html) => FormTitle().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private Task<ProgressView?> ProgressAsync(FiledReport report) =>
        factory.WithAsync(s => s.GetRequiredService<ReportProgress>().LookupAsync(report.QueryCode, BackOfficeFactory.ReportPassword));

    [Fact]
    public async Task Two_staff_members_take_a_report_from_intake_to_conclusion_and_the_reporter_sees_only_the_public_notes()
    {
        var report = await factory.FileAsync();
        var intakeAccount = await factory.StaffAsync("刘受理", StaffRoles.Intake);
        var handlerAccount = await factory.StaffAsync("马承办", StaffRoles.Handler);
        var intake = await factory.SignInAsync(intakeAccount);
        var handler = await factory.SignInAsync(handlerAccount);
        Assert.Equal(["受理", "不予受理", "交办或报送"], Forms(await intake.PageAsync(report.Page)));

        var accepted = await intake.PostAndFollowAsync(report.Page, "accept", new() { ["PublicNote"] = "您反映的问题已受理。", ["StaffNote"] = "线索具体，涉及三户低保。" });
        Assert.Equal("已受理", Status(accepted));
        Assert.Equal(["转办", "交办或报送"], Forms(accepted));
        Assert.Contains(handlerAccount.DisplayName, accepted);

        var transferred = await intake.PostAndFollowAsync(report.Page, "transfer", new()
        {
            ["Unit"] = "杞县纪委监委第二监督检查室", ["AssigneeId"] = handlerAccount.Id.ToString(),
            ["PublicNote"] = "已转交承办部门办理。", ["StaffNote"] = "请十个工作日内核实。",
        });
        Assert.Equal("已转办", Status(transferred));
        Assert.Empty(Forms(transferred));

        Assert.Contains(report.ReceiptNumber, await handler.PageAsync("/admin"));
        Assert.Equal(["开始办理", "回复举报人"], Forms(await handler.PageAsync(report.Page)));
        var started = await handler.PostAndFollowAsync(report.Page, "start", new() { ["PublicNote"] = "已开始核查。", ["StaffNote"] = "先约谈村会计。" });
        Assert.Equal("办理中", Status(started));
        Assert.Equal(["回复举报人", "办结"], Forms(started));
        await handler.PostAndFollowAsync(report.Page, "reply", new() { ["Reply"] = "我们已走访反映的三户人家。" });
        var concluded = await handler.PostAndFollowAsync(report.Page, "conclude", new()
        {
            ["Disposition"] = nameof(Disposition.PreliminaryVerification), ["PublicNote"] = "经核实，问题属实，已责令退还全部低保金。", ["StaffNote"] = "移送案件审理室。",
        });
        Assert.Equal("已办结", Status(concluded));
        Assert.Empty(Forms(concluded));
        Assert.Contains("处置方式：初步核实", concluded);
        foreach (var note in new[] { "线索具体，涉及三户低保。", "请十个工作日内核实。", "先约谈村会计。", "移送案件审理室。" })
            Assert.Contains(note, concluded);

        var progress = await ProgressAsync(report);
        Assert.NotNull(progress);
        Assert.Equal(ReportStatus.Concluded, progress.Status);
        var seen = string.Join("\n", progress.Timeline.Select(e => e.Text));
        foreach (var note in new[] { "您反映的问题已受理。", "已转交承办部门办理。", "已开始核查。", "我们已走访反映的三户人家。", "经核实，问题属实，已责令退还全部低保金。" })
            Assert.Contains(note, seen);
        foreach (var note in new[] { "线索具体", "十个工作日", "村会计", "审理室", "初步核实" })
            Assert.DoesNotContain(note, seen);
    }

    [Fact]
    public async Task A_step_the_status_flow_does_not_allow_is_refused_with_Cores_message_and_changes_nothing()
    {
        var report = await factory.FileAsync();
        var handlerAccount = await factory.StaffAsync("许承办", StaffRoles.Handler);
        var intake = await factory.SignInAsync(await factory.StaffAsync("何受理", StaffRoles.Intake));

        var early = await intake.PostAsync(report.Page, "transfer", new() { ["Unit"] = "某某乡纪委", ["AssigneeId"] = handlerAccount.Id.ToString() });
        var html = await early.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(StatusFlow.Refusal(ReportStatus.Submitted, ReportStatus.Transferred), StaffBrowser.Alert(html));
        Assert.Equal("已提交", Status(html));

        await intake.PostAndFollowAsync(report.Page, "refuse", new() { ["PublicNote"] = "属于民事纠纷，请向人民法院起诉。" });
        var again = await intake.PostAsync(report.Page, "accept", new());
        Assert.Equal(StatusFlow.Refusal(ReportStatus.NotAccepted, ReportStatus.Accepted), StaffBrowser.Alert(await again.Content.ReadAsStringAsync()));
        Assert.Equal(ReportStatus.NotAccepted, (await ProgressAsync(report))!.Status);
    }

    [Fact]
    public async Task Refusing_without_a_reason_is_refused_and_keeps_what_was_typed_in_that_form_only()
    {
        var report = await factory.FileAsync();
        var intake = await factory.SignInAsync(await factory.StaffAsync("吕受理", StaffRoles.Intake));

        var response = await intake.PostAsync(report.Page, "refuse", new() { ["PublicNote"] = "  ", ["StaffNote"] = "电话核实过，不属于受理范围。" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("不予受理必须写明理由", StaffBrowser.Alert(html));
        Assert.Equal("已提交", Status(html));
        Assert.Single(Regex.Matches(html, "电话核实过，不属于受理范围。"));
        Assert.Matches("handler=refuse.*电话核实过", html.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task A_handler_opens_only_the_reports_transferred_to_them()
    {
        var mine = await factory.FileAsync();
        var other = await factory.FileAsync();
        var handlerAccount = await factory.StaffAsync("施承办", StaffRoles.Handler);
        var intake = await factory.SignInAsync(await factory.StaffAsync("张受理", StaffRoles.Intake));
        await intake.PostAndFollowAsync(mine.Page, "accept", new());
        await intake.PostAndFollowAsync(mine.Page, "transfer", new() { ["Unit"] = "某某乡纪委", ["AssigneeId"] = handlerAccount.Id.ToString() });
        var handler = await factory.SignInAsync(handlerAccount);

        var queue = await handler.PageAsync("/admin");
        Assert.Contains(mine.ReceiptNumber, queue);
        Assert.DoesNotContain(other.ReceiptNumber, queue);
        Assert.Contains("没有这件举报", await handler.PageAsync(other.Page, HttpStatusCode.NotFound));
        var token = Html.AntiforgeryToken(await handler.PageAsync("/admin"));
        var start = await handler.Client.PostAsync(other.Page + "?handler=start", new FormUrlEncodedContent(new Dictionary<string, string> { ["af"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task A_named_report_shows_the_reporter_the_reported_person_and_the_facts_with_their_line_breaks()
    {
        var idNumber = "11010519491231002" + IdNumber.CheckCharacter("11010519491231002");
        var report = await factory.FileAsync(f =>
        {
            f.Anonymous = false;
            f.Reporter = new() { Name = "赵明理", IdNumber = idNumber, Phone = "13800138000", Address = "杞县城关镇东街 8 号" };
            f.ReportedPerson = new() { Name = "孙某某", Unit = "杞县民政局", Position = "股长", Level = "乡科级及以下", Region = "410221" };
            f.Content = "第一行：孙某某 2026 年 2 月收了好处费。\n第二行：他给不符合条件的人办了低保。";
        });
        var intake = await factory.SignInAsync(await factory.StaffAsync("朱受理", StaffRoles.Intake));

        var html = await intake.PageAsync(report.Page);

        foreach (var shown in new[] { "赵明理", idNumber, "13800138000", "杞县城关镇东街 8 号", "孙某某", "杞县民政局", "股长", "乡科级及以下", "杞县", "违反廉洁纪律" })
            Assert.Contains(shown, html);
        Assert.Contains("<div class=\"facts\">第一行：孙某某 2026 年 2 月收了好处费。&#xA;第二行：他给不符合条件的人办了低保。</div>", html);
        Assert.DoesNotContain("赵明理", await intake.PageAsync("/admin"));
    }

    [Fact]
    public async Task A_report_about_a_published_payment_shows_that_payments_public_record()
    {
        using var own = new BackOfficeFactory();
        own.Data.AddCounty(people: 10, months: 1);
        var payment = (await own.WithAsync(s => s.GetRequiredService<IPaymentIndex>().SearchAsync(new PaymentQuery { RegionCode = "410221" }))).Items[0];
        var report = await own.FileAsync(f => f.PaymentId = payment.Id);
        var intake = await own.SignInAsync(await own.StaffAsync("杨受理", StaffRoles.Intake));

        var html = await intake.PageAsync(report.Page);

        var village = string.Concat(SampleData.Regions.Path(SampleData.Regions.Find(payment.VillageCode)!).Select(RegionCatalog.DisplayName));
        foreach (var shown in new[] { payment.MaskedName, SampleData.Funds.ByCode(payment.FundCode)!.Name, village, payment.Period.ToChinese(), Money.Yuan(payment.Amount), payment.Id })
            Assert.Contains(shown, html);
    }

    [Fact]
    public async Task Script_in_the_title_the_facts_and_the_notes_comes_back_as_text()
    {
        const string title = "<script>alert('title')</script>";
        var report = await factory.FileAsync(f =>
        {
            f.Title = title;
            f.Content = "<img src=x onerror=alert('facts')> 王某冒领低保金，村里人都知道这件事。\n<b>第二行</b>";
            f.ReportedPerson.Name = "<i>王</i>某";
        });
        var intake = await factory.SignInAsync(await factory.StaffAsync("秦受理", StaffRoles.Intake));
        var page = await intake.PostAndFollowAsync(report.Page, "accept", new() { ["PublicNote"] = "<script>alert('public')</script>", ["StaffNote"] = "<a href=\"javascript:alert(1)\">staff</a>" });
        var queue = await intake.PageAsync("/admin");

        foreach (var html in new[] { page, queue })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;", html);
        }
        Assert.DoesNotContain("<i>王</i>", page);
        Assert.DoesNotContain("<b>第二行</b>", page);
        Assert.DoesNotContain("<a href=\"javascript", page);
        Assert.Contains("&lt;img src=x onerror=alert(&#x27;facts&#x27;)&gt;", page);
        Assert.Contains("&lt;script&gt;alert(&#x27;public&#x27;)&lt;/script&gt;", page);
    }

    [Fact]
    public async Task An_attachment_downloads_with_its_bytes_its_recognised_type_and_never_as_a_page()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5];
        var report = await factory.FileAsync(null, new IncomingFile("花名册.html", png.Length, () => new MemoryStream(png)));
        var intake = await factory.SignInAsync(await factory.StaffAsync("尤受理", StaffRoles.Intake));
        var html = await intake.PageAsync(report.Page);
        var link = Html.Link(html, "花名册.html");
        Assert.Matches($"^/admin/reports/{report.Id}/attachments/[0-9a-f-]{{36}}$", link);

        var response = await intake.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("花名册.png", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await intake.GetAsync($"/admin/reports/{report.Id}/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_picture_with_a_web_page_hidden_in_it_is_kept_as_sent_and_only_ever_downloaded_into_a_sandbox()
    {
        byte[] polyglot = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, .. "<html><script>alert(document.cookie)</script></html>"u8];
        var report = await factory.FileAsync(null, new IncomingFile("现场照片.png", polyglot.Length, () => new MemoryStream(polyglot)));
        var intake = await factory.SignInAsync(await factory.StaffAsync("许受理", StaffRoles.Intake));
        var html = await intake.PageAsync(report.Page);

        var response = await intake.GetAsync(Html.Link(html, "现场照片.png"));

        Assert.Contains("附件只能下载后查看，不在浏览器中打开", html);
        Assert.Equal(polyglot, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
    }

    [Fact]
    public async Task Suspected_duplicates_are_marked_and_linked_both_ways_with_their_similarity()
    {
        void SamePerson(ReportSubmission f)
        {
            f.ReportedPerson = new() { Name = "欧阳建国", Unit = "通许县水利局", Level = "县处级", Region = "410222" };
            f.Title = "工程款去向不明";
            f.Content = "欧阳建国在 2025 年河道整治工程中，把工程款拨给了他妻弟的公司，工程至今没有完工。";
        }
        var first = await factory.FileAsync(SamePerson);
        var second = await factory.FileAsync(SamePerson);
        // A 县处级 official is the city's to handle.
        var intake = await factory.SignInAsync(await factory.StaffAsync("金受理", StaffRoles.Intake, office: "4102"));

        var html = await intake.PageAsync(second.Page);
        var queue = await intake.PageAsync("/admin?region=410222&level=County");

        Assert.Contains($"<a href=\"/admin/reports/{first.Id}\">{first.ReceiptNumber}</a> 相似度 <b>100%</b> · 同一被反映人", html);
        Assert.Contains($"<a href=\"/admin/reports/{second.Id}\">{second.ReceiptNumber}</a>", await intake.PageAsync(first.Page));
        Assert.Equal(2, Regex.Matches(queue, "疑似重复 1").Count);
    }

    [GeneratedRegex("<dd class=\"status\">([^<]*)</dd>")]
    private static partial Regex StatusPattern();

    [GeneratedRegex("<form class=\"step\"[^>]*>\\s*<h3>([^<]+)</h3>")]
    private static partial Regex FormTitle();
}
