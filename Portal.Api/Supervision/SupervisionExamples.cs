using Portal.Core.Supervision;

namespace Portal.Api.Supervision;

/// <summary>Examples in the OpenAPI document, typed so they cannot drift from the answers (real region codes, made-up figures).</summary>
public static class SupervisionExamples
{
    private static readonly SupervisionPeriodAnswer Month = new("2026-05", new(1311), new(4), new(1), new(1), null);

    private static readonly SupervisionPartAnswer Township = new("410221101", "五里河镇", new(2544), new(6), new(3), new(3), 4260.00m);

    public static IReadOnlyList<object> All =>
    [
        new SupervisionSummaryAnswer("410221", "杞县", "2025-12", "2026-11", new(15720), new(23), new(9), new(7), 18360.50m, [Month], [Township]),
        Month,
        Township,
    ];
}
