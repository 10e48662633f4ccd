namespace Portal.Api.Publication;

/// <summary>Examples in the OpenAPI document, typed so they cannot drift from the answers (real region codes, a made-up record).</summary>
public static class PublicationExamples
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly WithdrawalAnswer Withdrawal = new("410221101201", "史庄村", "rural-dibao", "2026-09", 96,
        new DateTimeOffset(2026, 10, 20, 16, 2, 11, Beijing), "杞县民政局", "发放名单有误，核实后重新公开");

    public static IReadOnlyList<object> All =>
    [
        new PublicationStatusAnswer("410221", "杞县",
        [
            new FundStatusAnswer("rural-dibao", "农村低保", "民政", "monthly", "按月公开，次月15日前",
            [
                new PeriodStatusAnswer("2026-10", "2026年10月", "missing", new DateOnly(2026, 11, 15), 0, 0, null, [], 0, []),
                new PeriodStatusAnswer("2026-09", "2026年9月", "late", new DateOnly(2026, 10, 15), 1284, 3,
                    new DateTimeOffset(2026, 10, 23, 9, 30, 0, Beijing), ["杞县民政局"], 1, [Withdrawal]),
                new PeriodStatusAnswer("2026-08", "2026年8月", "published", new DateOnly(2026, 9, 15), 1290, 0,
                    new DateTimeOffset(2026, 9, 12, 10, 5, 0, Beijing), ["杞县民政局"], 0, []),
            ]),
        ]),
        Withdrawal,
    ];
}
