using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Offices;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Reports;

/// <summary>The rules every report meets before anything is stored, the same for the site and the API.</summary>
public sealed partial class ReportValidator(RegionCatalog regions, Jurisdiction jurisdiction, IPaymentIndex payments, TimeProvider clock)
{
    /// <summary>
    /// The form preselects neither 实名 nor 匿名: which fields are needed depends on the choice, so a form without it is
    /// answered with this one sentence rather than with the errors of a named report the reporter never meant.
    /// </summary>
    public const string ChooseAnonymity = "请先选择“实名举报”或“匿名举报”，再提交。";

    public async Task<FieldErrors> ValidateAsync(ReportSubmission form, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (!form.Anonymous) ValidateReporter(form.Reporter, errors);

        var person = form.ReportedPerson ?? new ReportedPersonFields();
        var paymentGiven = !string.IsNullOrWhiteSpace(form.PaymentId);
        var disputed = paymentGiven && form.PaymentId!.Length <= 64 ? await payments.FindAsync(form.PaymentId.Trim(), cancellationToken) : null;
        var disputes = disputed is not null;
        if (paymentGiven && !disputes)
            errors.Add("paymentId", "所附的公示记录不存在或已过公示期。可以去掉该记录后提交，并在问题描述中写明。");
        // A villager disputing a published payment (对此公示有异议) cannot know who entered it or at what rank.
        if (disputes)
        {
            Optional(errors, "reportedPerson.name", person.Name, ReportLimits.MaxName, "被反映人姓名");
            Optional(errors, "reportedPerson.unit", person.Unit, ReportLimits.MaxUnit, "工作单位");
        }
        else
        {
            Require(errors, "reportedPerson.name", person.Name, 1, ReportLimits.MaxName, "请填写被反映人姓名；不知道全名可以只写姓，如“王某”");
            Require(errors, "reportedPerson.unit", person.Unit, 1, ReportLimits.MaxUnit, "请填写被反映人的工作单位，如“某某镇人民政府”或“某某村委会”");
        }
        Optional(errors, "reportedPerson.position", person.Position, ReportLimits.MaxPosition, "职务");
        var level = ReportTerms.ParseLevel(person.Level);
        if (level is null && !(disputes && string.IsNullOrWhiteSpace(person.Level)))
            errors.Add("reportedPerson.level", $"请选择被反映人级别：{string.Join("、", ReportTerms.Levels.Values)}。");
        if (string.IsNullOrWhiteSpace(person.Region))
            errors.Add("reportedPerson.region", "请选择被反映人所在地区。");
        else if (regions.Find(person.Region.Trim()) is not { } region || region.Level == RegionLevel.Country)
            errors.Add("reportedPerson.region", "所选地区不存在，请从列表中选择，或填写 6 位县级或 9/12 位乡村行政区划代码。");
        else if (Route(person, disputed?.VillageCode) is { Accepted: false } refused)
            errors.Add(refused.Refusal == RoutingRefusal.AboveTopOffice ? "reportedPerson.level" : "reportedPerson.region", refused.Message!);

        if (ReportTerms.ParseCategory(form.Category) is null)
            errors.Add("category", $"请选择问题类别：{string.Join("、", ReportTerms.Categories.Values)}。");
        Require(errors, "title", form.Title, 2, ReportLimits.MaxTitle, "请用一句话概括反映的问题");
        var facts = Clean(form.Content);
        if (facts.Length < ReportLimits.MinFacts)
            errors.Add("content", $"请把问题写清楚：什么人、什么时间、在哪里、做了什么，至少 {ReportLimits.MinFacts} 个字（现在 {facts.Length} 个字）。");
        else if (facts.Length > ReportLimits.MaxFacts)
            errors.Add("content", $"问题描述最多 {ReportLimits.MaxFacts:N0} 个字（现在 {facts.Length:N0} 个字）。更多材料请作为附件上传。");

        var password = form.Password ?? "";
        if (password.Length < ReportLimits.MinPassword || password.Length > ReportLimits.MaxPassword)
            errors.Add("password", $"请设置 {ReportLimits.MinPassword} 到 {ReportLimits.MaxPassword} 位的查询密码，并牢记：以后凭查询码和密码查看进度。");
        else if (form.PasswordRepeat is not null && form.PasswordRepeat != password)
            errors.Add("passwordRepeat", "两次输入的密码不一致，请重新输入。");

        if (form.SubmissionToken is { } token && !IsSubmissionToken(token))
            errors.Add("submissionToken", "提交凭据无效，请刷新页面后重新提交。");
        return errors;
    }

    /// <summary>
    /// The office that will handle the report: by the accused's place and level, or for a disputed payment by its village,
    /// whose county office answers for what its villages publish.
    /// </summary>
    public Routing Route(ReportedPersonFields person, string? disputedVillage) =>
        jurisdiction.Route(disputedVillage ?? person.Region, ReportTerms.ParseLevel(person.Level) ?? OfficialLevel.Other);

    public static bool IsSubmissionToken(string token) => TokenPattern().IsMatch(token);

    /// <summary>How a submission token is stored: only its SHA-256, so the database cannot replay it.</summary>
    public static byte[] SubmissionKey(string token) => System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static FieldErrors ValidateSupplement(string? text, int fileCount, string? submissionToken)
    {
        var errors = new FieldErrors();
        if (submissionToken is not null && !IsSubmissionToken(submissionToken)) errors.Add("submissionToken", "提交凭据无效，请刷新页面后重新提交。");
        var clean = Clean(text);
        if (clean.Length == 0 && fileCount == 0) errors.Add("content", "请填写补充说明或上传补充材料。");
        else if (clean.Length > ReportLimits.MaxSupplement) errors.Add("content", $"补充说明最多 {ReportLimits.MaxSupplement:N0} 个字（现在 {clean.Length:N0} 个字）。");
        return errors;
    }

    private void ValidateReporter(ReporterFields? reporter, FieldErrors errors)
    {
        reporter ??= new ReporterFields();
        Require(errors, "reporter.name", reporter.Name, 2, ReportLimits.MaxName, "实名举报请填写您的真实姓名；不愿留名请选择“匿名举报”");
        if (IdNumber.Explain(IdNumber.Check(reporter.IdNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime))) is { } problem)
            errors.Add("reporter.idNumber", problem);
        if (NormalizePhone(reporter.Phone) is null)
            errors.Add("reporter.phone", "请填写 11 位手机号码（如 13800138000），以便我们联系您核实情况。");
        Optional(errors, "reporter.address", reporter.Address, ReportLimits.MaxAddress, "联系地址");
    }

    /// <summary>A mainland mobile number without spaces, hyphens or +86; null when it is not one.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new StringBuilder();
        foreach (var c in phone.Normalize(NormalizationForm.FormKC))
            if (c is not (' ' or '-' or '(' or ')')) digits.Append(c);
        var text = digits.ToString();
        if (text.StartsWith("+86", StringComparison.Ordinal)) text = text[3..];
        return MobilePattern().IsMatch(text) ? text : null;
    }

    /// <summary>Trimmed, line breaks unified, control characters other than line breaks and tabs removed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
            if (c is '\n' or '\t' || !char.IsControl(c)) builder.Append(c);
        return builder.ToString().Trim();
    }

    private static void Require(FieldErrors errors, string field, string? value, int min, int max, string ask)
    {
        var clean = Clean(value);
        if (clean.Length < min) errors.Add(field, ask + "。");
        else if (clean.Length > max) errors.Add(field, $"最多 {max} 个字（现在 {clean.Length} 个字）。");
    }

    private static void Optional(FieldErrors errors, string field, string? value, int max, string label)
    {
        var clean = Clean(value);
        if (clean.Length > max) errors.Add(field, $"{label}最多 {max} 个字（现在 {clean.Length} 个字）。");
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{16,100}$")]
    private static partial Regex TokenPattern();
}
