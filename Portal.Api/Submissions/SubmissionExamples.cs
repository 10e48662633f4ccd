namespace Portal.Api.Submissions;

/// <summary>Examples in the OpenAPI document, typed so they cannot drift from the answers (the multipart body is described in SubmissionsApi).</summary>
public static class SubmissionExamples
{
    private static readonly DateTime Submitted = new(2026, 9, 1, 2, 15, 0, DateTimeKind.Utc);

    public static IReadOnlyList<object> All =>
    [
        new SubmissionAnswer(
            new SyncTotals(false, 1, 0, 303, 300, 3, 174000.00m, 1.284, 236),
            [new SyncFile("杞县2026年8月城市低保.xlsx", null, "杞县", 303, 300, 3, 174000.00m, new() { ["金额无效"] = 2, ["区划不存在"] = 1 }, [], 12, 0, 0, null, 1.284)],
            new SubmissionState(4127, "finished", "/api/v1/submissions/4127", "杞县民政局", Submitted, "9f2c…（文件的 SHA-256，64 位十六进制）",
                [new RejectionAnswer(17, "发放金额", "金额无效", "金额“-5”不是有效数字（最多两位小数）。", false)])),
        new SyncTotals(false, 1, 0, 303, 300, 3, 174000.00m, 1.284, 236),
        new SyncFile("杞县2026年8月城市低保.xlsx", null, "杞县", 303, 300, 3, 174000.00m, new() { ["金额无效"] = 2, ["区划不存在"] = 1 }, [], 12, 0, 0, null, 1.284),
        new SubmissionState(4127, "finished", "/api/v1/submissions/4127", "杞县民政局", Submitted, "9f2c…", []),
        new RejectionAnswer(17, "发放金额", "金额无效", "金额“-5”不是有效数字（最多两位小数）。", false),
    ];
}
