using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Payments;
using Portal.Core.Reports;
using Portal.Tests;
using Portal.Web.Reports;

namespace Portal.Web.Tests.Pages.Reports;

[Collection(WebCollection.Name)]
public class NewTests(PortalWebFactory factory)
{
    private readonly Reporter _reporter = new(factory.CreateClient());

    [Fact]
    public async Task A_named_report_with_a_photo_gets_a_query_code_and_the_progress_lookup_shows_it_submitted()
    {
        var receipt = await _reporter.File(Reporter.NamedReport(), Upload.Photo());

        var code = Reporter.QueryCode(receipt);
        Assert.Matches("^([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}$", code);
        Assert.Contains("请截图或抄写保存，本页关闭后无法再次显示", receipt);
        Assert.Contains("（北京时间）", receipt);
        Assert.Contains("window.print()", receipt);
        Assert.Matches("<code class=\"digest\">[0-9a-f]{64}</code>", receipt);
        Assert.StartsWith(Reporter.ReceiptNumber(receipt) + ".", Reporter.Proof(receipt));

        await _reporter.LookUp(code, Reporter.Password);
        Assert.Contains("<b class=\"status\">已提交</b>", _reporter.Page);
        Assert.Contains("村干部冒领低保金", _reporter.Page);
        Assert.Contains("违反群众纪律", _reporter.Page);
        Assert.Contains(Reporter.ReceiptNumber(receipt), _reporter.Page);
        Assert.Contains("附件 1 个", _reporter.Page);
    }

    [Fact]
    public async Task The_receipt_shows_its_number_and_the_query_code_in_the_box_says_to_screenshot_and_folds_the_digest_and_token_under_技术信息()
    {
        var receipt = await _reporter.File(Reporter.NamedReport());

        var box = receipt[receipt.IndexOf("<div class=\"code-box\">", StringComparison.Ordinal)..];
        box = box[..box.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains(Reporter.ReceiptNumber(receipt), box);
        Assert.Contains(Reporter.QueryCode(receipt).Split('-')[0], box);
        // Shown to everyone, not only inside <noscript>.
        Assert.Contains("请截图或抄写保存", box);
        var details = receipt[receipt.IndexOf("<details class=\"tech\">", StringComparison.Ordinal)..];
        details = details[..details.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("<summary>技术信息 / 核验</summary>", details);
        Assert.Matches("<code class=\"digest\">[0-9a-f]{64}</code>", details);
        Assert.Contains(Reporter.Proof(receipt), details);
    }

    [Fact]
    public async Task The_receipt_page_offers_no_menu_or_print_switch_to_tap_away_from_the_query_code()
    {
        var receipt = await _reporter.File(Reporter.NamedReport());
        Assert.DoesNotContain("大字版", receipt);
        Assert.DoesNotContain("<nav class=\"site\"", receipt);
        Assert.Contains("href=\"/reports/progress\"", receipt);
        Assert.Contains("href=\"/reports/verify\"", receipt);
    }

    [Fact]
    public async Task An_anonymous_report_stores_no_identity_even_when_the_named_fields_were_filled()
    {
        var fields = Reporter.NamedReport();
        fields["anonymous"] = "true";
        var receipt = await _reporter.File(fields);

        var number = Reporter.ReceiptNumber(receipt);
        var stored = await Reporter.InDatabase(factory, db => db.Reports.AsNoTracking().SingleAsync(r => r.ReceiptNumber == number));
        Assert.True(stored.Anonymous);
        Assert.Null(stored.SealedIdentity);
    }

    [Fact]
    public async Task Neither_named_nor_anonymous_is_preselected_and_a_quick_submit_gets_one_error_asking_to_choose()
    {
        await _reporter.OpenForm();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(_reporter.Page, "<input [^>]*type=\"radio\" name=\"anonymous\"[^>]* required>").Count);
        Assert.DoesNotContain("checked", _reporter.Page);
        var fields = Reporter.NamedReport();
        fields.Remove("anonymous");
        fields["reporter.name"] = "";
        await _reporter.Submit(fields, Upload.Photo());

        Assert.Contains("请修改以下 1 处", _reporter.Page);
        Assert.Contains("请先选择“实名举报”或“匿名举报”", Reporter.ErrorNextTo(_reporter.Page, "anonymous"));
        Assert.Contains("<a href=\"#anonymous\">举报方式：", _reporter.Page);
        Assert.Null(Reporter.ErrorNextTo(_reporter.Page, "reporter.name"));
        Assert.Equal("王某", Reporter.ValueOf(_reporter.Page, "reportedPerson.name"));
    }

    [Fact]
    public async Task The_browser_is_given_the_same_lengths_and_required_fields_as_the_server_so_most_mistakes_are_caught_before_posting()
    {
        var form = await _reporter.OpenForm();
        Assert.Matches("<input id=\"reportedPerson-name\" name=\"reportedPerson.name\" type=\"text\" value=\"\" required=\"required\" maxlength=\"50\"", form);
        Assert.Matches("<input id=\"title\" name=\"title\" type=\"text\" value=\"\" required=\"required\" minlength=\"2\" maxlength=\"100\"", form);
        Assert.Contains("<textarea id=\"content\" name=\"content\" rows=\"6\" required minlength=\"20\" maxlength=\"10000\"", form);
        Assert.Matches("<select id=\"category\" name=\"category\" required", form);
        Assert.Matches("<select id=\"reportedPerson-level\" name=\"reportedPerson.level\" required", form);
        Assert.Matches("<input id=\"reporter-phone\" [^>]*pattern=\"[^\"]+\"", form);
        Assert.Matches("<input id=\"reportedPerson-regionCode\" [^>]*pattern=\"\\[0-9\\]\\{6\\}", form);
        // Named fields depend on the choice of 实名, which HTML cannot express: the server asks for them.
        Assert.DoesNotMatch("<input id=\"reporter-name\" [^>]*required", form);
    }

    [Fact]
    public async Task Each_invalid_field_gets_its_Chinese_message_next_to_it_and_every_typed_value_but_the_passwords_comes_back()
    {
        await _reporter.OpenForm();
        var fields = new Dictionary<string, string>
        {
            ["anonymous"] = "false",
            ["reporter.name"] = "赵",
            ["reporter.idNumber"] = "41022119800101003",
            ["reporter.phone"] = "12345",
            ["reporter.address"] = "幸福路",
            ["reportedPerson.name"] = "",
            ["reportedPerson.unit"] = "某某村委会",
            ["reportedPerson.position"] = "",
            ["reportedPerson.level"] = "处长",
            ["reportedPerson.region"] = "",
            ["reportedPerson.regionCode"] = "999999",
            ["category"] = "违反群众纪律",
            ["title"] = "冒领",
            ["content"] = "太短了",
            ["password"] = "short",
            ["passwordRepeat"] = "short",
        };
        var response = await _reporter.Submit(fields, Upload.Photo());
        var page = _reporter.Page;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("举报已提交", page);
        Assert.Contains("还没有提交成功", page);
        Assert.Contains("请填写您的真实姓名", Reporter.ErrorNextTo(page, "reporter.name"));
        Assert.Contains("18 位", Reporter.ErrorNextTo(page, "reporter.idNumber"));
        Assert.Contains("11 位手机号码", Reporter.ErrorNextTo(page, "reporter.phone"));
        Assert.Contains("被反映人姓名", Reporter.ErrorNextTo(page, "reportedPerson.name"));
        Assert.Contains("乡科级及以下", Reporter.ErrorNextTo(page, "reportedPerson.level"));
        Assert.Contains("所选地区不存在", Reporter.ErrorNextTo(page, "reportedPerson.region"));
        Assert.Contains("至少 20 个字", Reporter.ErrorNextTo(page, "content"));
        Assert.Contains("8 到 128 位", Reporter.ErrorNextTo(page, "password"));
        Assert.Null(Reporter.ErrorNextTo(page, "reportedPerson.unit"));
        Assert.Null(Reporter.ErrorNextTo(page, "title"));
        // The summary at the top links to each field.
        Assert.Contains("<a href=\"#reporter-phone\">您的手机号码：", page);
        Assert.Contains("<a href=\"#content\">问题描述：", page);

        foreach (var field in new[] { "reporter.name", "reporter.idNumber", "reporter.phone", "reporter.address", "reportedPerson.unit", "reportedPerson.regionCode", "title" })
            Assert.Equal(fields[field], Reporter.ValueOf(page, field));
        Assert.Equal("违反群众纪律", Reporter.Selected(page, "category"));
        Assert.Equal("太短了", Reporter.TextArea(page, "content"));
        Assert.Null(Reporter.ValueOf(page, "password"));
        Assert.Null(Reporter.ValueOf(page, "passwordRepeat"));
        // The photo was kept for the retry (it used to be dropped with 请重新选择).
        Assert.Contains("已上传：花名册.jpg", page);
    }

    [Fact]
    public async Task A_photo_sent_with_a_form_that_had_an_error_is_shown_as_uploaded_and_filed_with_the_corrected_form_without_choosing_it_again()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["title"] = "";
        await _reporter.Submit(fields, Upload.Photo("村委会花名册.jpg"));
        Assert.Contains("请用一句话概括", Reporter.ErrorNextTo(_reporter.Page, "title"));
        Assert.Matches("<input type=\"checkbox\" name=\"keepFile\" value=\"0\" checked> <span>已上传：村委会花名册.jpg</span>", _reporter.Page);
        Assert.DoesNotContain("请重新选择", _reporter.Page);

        fields["title"] = "村干部冒领低保金";
        fields["keepFile"] = "0";
        await _reporter.Submit(fields);
        Assert.Contains("举报已提交", _reporter.Page);

        await _reporter.LookUp(Reporter.QueryCode(_reporter.Page), Reporter.Password);
        Assert.Contains("附件 1 个", _reporter.Page);
    }

    [Fact]
    public async Task An_uploaded_file_unticked_before_the_retry_is_not_filed()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["title"] = "";
        await _reporter.Submit(fields, Upload.Photo());
        fields["title"] = "村干部冒领低保金";
        await _reporter.Submit(fields);
        Assert.Contains("举报已提交", _reporter.Page);

        await _reporter.LookUp(Reporter.QueryCode(_reporter.Page), Reporter.Password);
        Assert.DoesNotContain("附件 1 个", _reporter.Page);
    }

    [Fact]
    public async Task A_forged_or_expired_hold_of_uploads_asks_to_choose_the_files_again_instead_of_filing_without_them()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["heldFiles"] = ReportForm.NewToken() + ReportForm.NewToken()[..21];
        fields["keepFile"] = "0";
        await _reporter.Submit(fields);
        Assert.Contains("请重新选择", Reporter.ErrorNextTo(_reporter.Page, "files") ?? _reporter.Page);
        Assert.DoesNotContain("举报已提交", _reporter.Page);
    }

    [Fact]
    public async Task Objecting_to_a_payment_fills_in_its_village_and_files_without_the_reported_person_or_rank()
    {
        var row = factory.Data.Rows[0];
        var payment = (await factory.Services.GetRequiredService<IPaymentIndex>()
            .SearchAsync(new PaymentQuery { RegionCode = row.Person.Village.Code, PageSize = 1 })).Items[0];
        var form = await _reporter.OpenForm(payment.Id);
        Assert.Equal(payment.VillageCode, Reporter.ValueOf(form, "reportedPerson.regionCode"));
        Assert.Contains("<label for=\"reportedPerson-name\">姓名（选填）</label>", form);
        Assert.Matches("<select id=\"reportedPerson-level\" name=\"reportedPerson.level\" aria-describedby", form);
        Assert.DoesNotMatch("<input id=\"reportedPerson-name\" [^>]*required", form);

        var fields = Reporter.NamedReport();
        fields["anonymous"] = "true";
        fields["reportedPerson.name"] = fields["reportedPerson.unit"] = fields["reportedPerson.position"] = fields["reportedPerson.level"] = fields["reportedPerson.region"] = "";
        fields["reportedPerson.regionCode"] = payment.VillageCode;
        await _reporter.Submit(fields);

        Assert.Contains("举报已提交", _reporter.Page);
    }

    [Fact]
    public async Task A_villager_finds_the_village_by_typing_part_of_its_name_picks_it_and_the_report_is_filed_there_with_its_photo()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        fields["reportedPerson.region"] = "";
        fields["placeQuery"] = "史庄";
        fields["findPlace"] = "1";
        await _reporter.Submit(fields, Upload.Photo());
        Assert.DoesNotContain("举报已提交", _reporter.Page);
        Assert.DoesNotContain("error-summary", _reporter.Page);
        var pick = System.Text.RegularExpressions.Regex.Match(_reporter.Page, "<input type=\"radio\" name=\"placePick\" value=\"([0-9]{12})\"> <span>史庄村（");
        Assert.True(pick.Success, _reporter.Page);
        Assert.Contains("已上传：花名册.jpg", _reporter.Page);

        fields.Remove("findPlace");
        fields["placePick"] = pick.Groups[1].Value;
        fields["keepFile"] = "0";
        await _reporter.Submit(fields);
        Assert.Contains("举报已提交", _reporter.Page);
        var number = Reporter.ReceiptNumber(_reporter.Page);
        var stored = await Reporter.InDatabase(factory, db => db.Reports.AsNoTracking().SingleAsync(r => r.ReceiptNumber == number));
        Assert.Equal(pick.Groups[1].Value, stored.RegionCode);
    }

    [Fact]
    public async Task The_region_is_chosen_from_the_served_counties_and_their_townships_or_given_by_code()
    {
        var form = await _reporter.OpenForm();
        Assert.Contains("<optgroup label=\"河南省开封市杞县\">", form);
        Assert.Contains("<option value=\"410221\">杞县（县级）</option>", form);
        var township = SampleData.Regions.Children("410221")[0];
        Assert.Contains($"<option value=\"{township.Code}\">杞县 {township.Name}</option>", form);

        var fields = Reporter.NamedReport();
        fields["reportedPerson.region"] = township.Code;
        fields["content"] = "";
        await _reporter.Submit(fields);
        Assert.Equal(township.Code, Reporter.Selected(_reporter.Page, "reportedPerson.region"));

        var village = SampleData.Regions.Children(township.Code)[0];
        fields = Reporter.NamedReport();
        fields["reportedPerson.regionCode"] = village.Code;
        await _reporter.Submit(fields);
        Assert.Contains("举报已提交", _reporter.Page);
    }

    [Fact]
    public async Task A_program_renamed_to_a_photo_and_a_file_over_20_MB_are_refused_with_the_typed_values_kept()
    {
        await _reporter.OpenForm();
        await _reporter.Submit(Reporter.NamedReport(), Upload.DisguisedProgram());
        Assert.Contains("不是允许的格式", Reporter.ErrorNextTo(_reporter.Page, "files"));
        Assert.Equal("村干部冒领低保金", Reporter.ValueOf(_reporter.Page, "title"));

        await _reporter.Submit(Reporter.NamedReport(), Upload.Photo("大照片.jpg", size: (int)ReportLimits.MaxFileBytes));
        Assert.Contains("超过了每个 20 MB 的上限", Reporter.ErrorNextTo(_reporter.Page, "files"));
        Assert.DoesNotContain("举报已提交", _reporter.Page);
    }

    [Fact]
    public async Task A_request_larger_than_five_full_attachments_gets_a_Chinese_page()
    {
        await _reporter.OpenForm();
        var response = await _reporter.Submit(Reporter.NamedReport(), Enumerable.Range(0, 6).Select(i => Upload.Photo($"{i}.jpg", size: (int)ReportLimits.MaxFileBytes - 100)).ToArray());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容太大", _reporter.Page);
        Assert.Contains("每个不超过 20MB", _reporter.Page);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_form_that_breaks_the_form_limits_while_being_read_gets_the_Chinese_413_page()
    {
        await _reporter.OpenForm();
        var fields = Reporter.NamedReport();
        // More fields than a form may carry: the failure comes while the body is read, not from its declared length.
        for (var i = 0; i < 1100; i++) fields["extra" + i] = "x";
        var response = await _reporter.Submit(fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容太大", _reporter.Page);
    }

    [Fact]
    public async Task A_double_submit_of_one_form_files_one_report_and_shows_the_same_query_code()
    {
        await _reporter.OpenForm();
        var form = _reporter.Page;
        var before = await Reporter.InDatabase(factory, db => db.Reports.CountAsync());

        await _reporter.Submit(Reporter.NamedReport(), Upload.Photo());
        var first = Reporter.QueryCode(_reporter.Page);
        _reporter.GoBackTo(form);
        await _reporter.Submit(Reporter.NamedReport(), Upload.Photo());
        var second = Reporter.QueryCode(_reporter.Page);

        Assert.Equal(first, second);
        Assert.Equal(before + 1, await Reporter.InDatabase(factory, db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Each_opening_of_the_form_gets_its_own_submission_token()
    {
        var first = Reporter.ValueOf(await _reporter.OpenForm(), "submissionToken");
        var second = Reporter.ValueOf(await _reporter.OpenForm(), "submissionToken");
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Markup_typed_into_title_and_content_comes_back_escaped()
    {
        const string script = "<script>alert('x')</script>";
        var fields = Reporter.NamedReport();
        fields["title"] = "冒领" + script;
        fields["content"] += script;
        fields["passwordRepeat"] = "另一个密码-0000";
        await _reporter.OpenForm();
        await _reporter.Submit(fields);
        Assert.NotNull(Reporter.ErrorNextTo(_reporter.Page, "passwordRepeat"));
        Assert.DoesNotContain(script, _reporter.Page);
        Assert.Equal(fields["content"], Reporter.TextArea(_reporter.Page, "content"));
        Assert.Equal(fields["title"], Reporter.ValueOf(_reporter.Page, "title"));

        fields["passwordRepeat"] = Reporter.Password;
        await _reporter.Submit(fields);
        Assert.Contains("举报已提交", _reporter.Page);
        Assert.DoesNotContain(script, _reporter.Page);
        Assert.Contains("冒领&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", _reporter.Page);

        await _reporter.LookUp(Reporter.QueryCode(_reporter.Page), Reporter.Password);
        Assert.DoesNotContain(script, _reporter.Page);
        Assert.Contains("冒领&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", _reporter.Page);
    }

    [Fact]
    public async Task The_form_without_the_scope_confirmation_goes_back_to_the_scope_notice_keeping_the_payment()
    {
        var html = await Html.Get(_reporter.Client, "/reports/new?paymentId=abc");
        Assert.Contains("受理范围", html);
        Assert.Contains("请先勾选", html);
        Assert.Contains("<input type=\"hidden\" name=\"paymentId\" value=\"abc\">", html);
    }

    [Fact]
    public async Task The_form_states_its_limits()
    {
        var form = await _reporter.OpenForm();
        Assert.Contains("enctype=\"multipart/form-data\"", form);
        Assert.Contains("20 至 10,000 字", form);
        Assert.Contains("每个不超过 20MB", form);
        Assert.Contains("accept=\".jpg,.png,.pdf,.doc,.docx,.mp3,.mp4,.jpeg,image/jpeg,", form);
        Assert.Contains("实名举报时填写", form);
        Assert.Contains("填了也不会保存", form);
        foreach (var level in ReportTerms.Levels.Values) Assert.Contains($"<option>{level}</option>", form);
        foreach (var category in ReportTerms.Categories.Values) Assert.Contains($"<option>{category}</option>", form);
    }
}
