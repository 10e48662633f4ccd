using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Portal.Core.Offices;
using Portal.Core.Reports;

namespace Portal.Api.Reports;

// What a reporter sends and what the API answers, one record each, mapped by hand from Core types so a
// reviewer can see every field: no answer carries the reporter's identity, the account of facts or the web
// form's supplement ticket. Times are Beijing time (ISO 8601 with +08:00), the time printed on receipts.

// Requests are records with settable properties rather than positional ones: a missing field then reaches
// the Core's validation (and its Chinese message) instead of failing deserialization, and [Required] marks
// in the OpenAPI document what a client always sends.

/// <summary>The JSON part named <c>report</c>.</summary>
public sealed record ReportRequest
{
    [Description("true 为匿名举报（不填 reporter）；false 为实名举报（reporter 必填）。")]
    public bool Anonymous { get; init; }

    [Description("实名举报人；匿名举报时不填，填了也不会保存。")]
    public ReporterRequest? Reporter { get; init; }

    [Required]
    public ReportedPersonRequest? ReportedPerson { get; init; }

    [Required, Description("问题类别：违反政治纪律、违反组织纪律、违反廉洁纪律、违反群众纪律、违反工作纪律、违反生活纪律、职务违法、职务犯罪、其他（或对应的英文代码，如 IntegrityDiscipline）。")]
    public string? Category { get; init; }

    [Required, Description("标题：一句话概括反映的问题，2 到 100 个字。")]
    public string? Title { get; init; }

    [Required, Description("问题描述：什么人、什么时间、在哪里、做了什么，20 到 10000 个字。")]
    public string? Content { get; init; }

    [Required, Description("查询密码，8 到 128 位，由举报人自己设定；以后凭查询码和这个密码查看进度。")]
    public string? Password { get; init; }

    [Description("可选：对此公示有异议时，所涉发放记录的 id（见 /api/v1/payments）。")]
    public string? PaymentId { get; init; }

    /// <summary>The Core's input; the idempotency key stands in for the web form's submission token.</summary>
    public ReportSubmission ToSubmission(string? idempotencyKey) => new()
    {
        Anonymous = Anonymous,
        Reporter = Reporter is null ? null : new ReporterFields { Name = Reporter.Name, IdNumber = Reporter.IdNumber, Phone = Reporter.Phone, Address = Reporter.Address },
        ReportedPerson = new ReportedPersonFields
        {
            Name = ReportedPerson?.Name, Unit = ReportedPerson?.Unit, Position = ReportedPerson?.Position, Level = ReportedPerson?.Level, Region = ReportedPerson?.Region,
        },
        Category = Category,
        Title = Title,
        Content = Content,
        Password = Password,
        PaymentId = PaymentId,
        SubmissionToken = idempotencyKey,
    };
}

/// <summary>The named reporter; sealed at rest and never returned by any endpoint.</summary>
public sealed record ReporterRequest
{
    [Required, Description("真实姓名。")]
    public string? Name { get; init; }

    [Required, Description("18 位居民身份证号码。")]
    public string? IdNumber { get; init; }

    [Required, Description("11 位手机号码。")]
    public string? Phone { get; init; }

    [Description("可选：联系地址，最多 200 个字。")]
    public string? Address { get; init; }
}

public sealed record ReportedPersonRequest
{
    [Required, Description("被反映人姓名；不知道全名可以只写姓，如“王某”。")]
    public string? Name { get; init; }

    [Required, Description("工作单位。")]
    public string? Unit { get; init; }

    [Description("可选：职务。")]
    public string? Position { get; init; }

    [Required, Description("级别：村（社区）干部、乡科级及以下、县处级、厅局级及以上、其他（或英文代码，如 Village、TownshipAndBelow）。决定受理机关；超出本平台受理范围的级别或地区答复 400 并说明应向何处举报。")]
    public string? Level { get; init; }

    [Required, Description("所在地区的统计区划代码：6 位县级或 9/12 位乡镇、村级代码。")]
    public string? Region { get; init; }
}

/// <summary>The receipt, answered once: the query code exists nowhere else in readable form.</summary>
public sealed record ReceiptAnswer(
    [property: Description("查询码（5 组、每组 4 个字符）。只在这一次答复中出现：服务器只保存它的摘要，无法找回，请提示举报人抄下或截图保存。")] string QueryCode,
    [property: Description("回执编号，如 JB20261123-7KQ4M2XZ；不含查询码的任何信息。")] string ReceiptNumber,
    [property: Description("受理系统收到举报的时间，北京时间（+08:00）。")] DateTimeOffset FiledAt,
    [property: Description("所提交内容的摘要（SHA-256，十六进制）；含随机盐，不能反推出内容。")] string Digest,
    [property: Description("存证码：回执编号、时间和摘要，由本单位密钥签名；可用 /api/v1/reports/proofs/verify 核验。")] string Proof,
    [property: Description("进度查询接口：以查询码和密码 POST 到此地址。")] string ProgressUrl,
    [property: Description("按管理权限受理这件举报的纪委监委。")] OfficeAnswer Office)
{
    public static ReceiptAnswer From(ReportReceipt receipt, string progressUrl) => new(
        receipt.QueryCode, receipt.ReceiptNumber, ChinaTime.WithOffset(receipt.FiledAt), receipt.DigestHex, receipt.Proof, progressUrl, OfficeAnswer.From(receipt.Office));
}

/// <summary>An office as the public sees it: its code and name, nothing about its staff.</summary>
public sealed record OfficeAnswer(
    [property: Description("机关代码，如 410221。")] string Code,
    [property: Description("机关名称，如 杞县纪委监委。")] string Name)
{
    public static OfficeAnswer From(Office office) => new(office.Code, office.Name);
}

public sealed record ProgressRequest
{
    [Required, Description("查询码，大小写、空格和连字符不限。")]
    public string? QueryCode { get; init; }

    [Required, Description("提交举报时设定的查询密码。")]
    public string? Password { get; init; }
}

public sealed record UrgeRequest
{
    [Required, Description("查询码。")]
    public string? QueryCode { get; init; }

    [Required, Description("查询密码。")]
    public string? Password { get; init; }

    [Required, Description("要催办的期限代码：Accept（受理期限）、Transfer（转办期限）、Conclude（办结期限），取自进度答复的 deadlines[].code。")]
    public string? Deadline { get; init; }
}

/// <summary>The JSON part named <c>supplement</c>.</summary>
public sealed record SupplementRequest
{
    [Required, Description("查询码。")]
    public string? QueryCode { get; init; }

    [Required, Description("查询密码。")]
    public string? Password { get; init; }

    [Description("补充说明，最多 5000 个字；只上传附件时可以不填。")]
    public string? Content { get; init; }
}

public sealed record ProgressAnswer(
    string ReceiptNumber,
    string Title,
    string Category,
    [property: Description("状态：已提交、已受理、不予受理、已转办、办理中、已办结。")] string Status,
    [property: Description("状态代码：Submitted、Accepted、NotAccepted、Transferred、InProgress、Concluded。")] string StatusCode,
    [property: Description("提交时间，北京时间（+08:00）。")] DateTimeOffset SubmittedAt,
    IReadOnlyList<TimelineAnswer> Timeline,
    [property: Description("是否还能补充材料：办结或不予受理后为 false。")] bool CanSupplement,
    [property: Description("现在办理这件举报的纪委监委。")] OfficeAnswer Office,
    [property: Description("当前这一步的法定办理期限（受理、转办、办结），最近的在前；办结或不予受理后为空。")] IReadOnlyList<DeadlineAnswer> Deadlines)
{
    public static ProgressAnswer From(ProgressView view) => new(
        view.ReceiptNumber, view.Title, view.Category, view.Status.Name(), view.Status.ToString(), ChinaTime.WithOffset(view.SubmittedAt),
        view.Timeline.Select(e => new TimelineAnswer(ChinaTime.WithOffset(e.At), e.What, e.Text, e.Attachments)).ToList(), view.CanSupplement,
        OfficeAnswer.From(view.Office),
        view.Deadlines.Select(DeadlineAnswer.From).ToList());
}

public sealed record DeadlineAnswer(
    [property: Description("期限名称：受理期限、转办期限、办结期限。")] string Name,
    [property: Description("期限代码：Accept、Transfer、Conclude。")] string Code,
    [property: Description("期限届满之日（北京时间的日期，yyyy-MM-dd）。")] DateOnly DueOn,
    [property: Description("是否已超过期限。")] bool Passed,
    [property: Description("距期限还有几个工作日（不含今天，不含周末和法定节假日）；已超过时为 0。")] int WorkingDaysLeft,
    [property: Description("已超过期限几个工作日；未超过时为 0。")] int WorkingDaysOverdue,
    [property: Description("给举报人看的一句话，如“受理期限 2026年12月18日，还有 8 个工作日”。")] string Summary,
    [property: Description("举报人催办这一期限的时间，北京时间（+08:00）；未催办时为 null。")] DateTimeOffset? UrgedAt)
{
    public static DeadlineAnswer From(StepDeadline deadline) => new(
        deadline.Name, deadline.Kind.ToString(), deadline.DueOn, deadline.Passed, deadline.WorkingDaysLeft, deadline.WorkingDaysOver, deadline.Summary,
        deadline.UrgedAt is { } at ? ChinaTime.WithOffset(at) : null);
}

public sealed record TimelineAnswer(
    [property: Description("北京时间（+08:00）。")] DateTimeOffset At,
    [property: Description("发生了什么，如“举报已提交”“已受理”“办理单位回复”“您补充了材料”。")] string What,
    [property: Description("写给举报人的说明或回复；没有时为 null。")] string? Text,
    [property: Description("这一步附上的附件个数。")] int Attachments);

public sealed record ProofRequest
{
    [Required, Description("回执上的存证码。")]
    public string? Proof { get; init; }
}

/// <summary>Whether a proof of filing is genuine; says nothing about the reporter or the content.</summary>
public sealed record ProofAnswer(
    [property: Description("签名有效且确有这份举报在案时为 true。")] bool Valid,
    [property: Description("有效时为回执编号，否则为 null。")] string? ReceiptNumber,
    [property: Description("有效时为收到举报的时间，北京时间（+08:00），否则为 null。")] DateTimeOffset? FiledAt)
{
    public static ProofAnswer From(ParsedProof? proof) =>
        proof is null ? new(false, null, null) : new(true, proof.ReceiptNumber, ChinaTime.WithOffset(proof.FiledAt));
}

public sealed record ProofKeyAnswer(
    [property: Description("签名算法。")] string Algorithm,
    [property: Description("本单位的公钥（PEM，SubjectPublicKeyInfo）。")] string PublicKeyPem,
    [property: Description("被签名的内容：各行以 \\n 分隔。")] string SignedMessage);
