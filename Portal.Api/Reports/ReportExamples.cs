namespace Portal.Api.Reports;

/// <summary>Examples in the OpenAPI document, typed so they cannot drift from the requests and answers (the multipart report part is described in ReportsApi).</summary>
public static class ReportExamples
{
    private static readonly DateTimeOffset Filed = new(2026, 11, 23, 10, 15, 2, TimeSpan.FromHours(8));
    private static readonly OfficeAnswer Qixian = new("410221", "杞县纪委监委");

    public static IReadOnlyList<object> All =>
    [
        new ReceiptAnswer("7KQ4-M2XZ-ABCD-EFGH-JKMN", "JB20261123-7KQ4M2XZ", Filed, "5d41402abc4b2a76b9719d911017c592e0f1bdb6f1c5f8e2a7d0a3e4c6b8f9a1", "存证码（Base64）", "/api/v1/reports/progress", Qixian),
        new ProgressRequest { QueryCode = "7KQ4-M2XZ-ABCD-EFGH-JKMN", Password = "查询密码" },
        new ProgressAnswer("JB20261123-7KQ4M2XZ", "村干部优亲厚友评定低保", "违反廉洁纪律", "已受理", "Accepted", Filed,
            [new TimelineAnswer(Filed, "举报已提交", null, 0), new TimelineAnswer(Filed.AddDays(2), "已受理", "已受理，将依规办理。", 0)], true, Qixian,
            [new DeadlineAnswer("转办期限", "Transfer", new DateOnly(2026, 12, 2), false, 3, 0, "转办期限 2026年12月2日，还有 3 个工作日", null),
             new DeadlineAnswer("办结期限", "Conclude", new DateOnly(2027, 2, 23), false, 57, 0, "办结期限 2027年2月23日，还有 57 个工作日", null)]),
        new UrgeRequest { QueryCode = "7KQ4-M2XZ-ABCD-EFGH-JKMN", Password = "查询密码", Deadline = "Accept" },
        new ProofRequest { Proof = "回执上的存证码" },
        new ProofAnswer(true, "JB20261123-7KQ4M2XZ", Filed),
    ];
}
