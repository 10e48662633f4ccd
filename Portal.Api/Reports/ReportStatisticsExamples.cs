namespace Portal.Api.Reports;

/// <summary>Examples in the OpenAPI document, typed so they cannot drift from the answers (real office codes, made-up figures).</summary>
public static class ReportStatisticsExamples
{
    private static readonly OfficeAnswer Office = new("410221", "杞县纪委监委");
    private static readonly CategoryCountAnswer Category = new("违反群众纪律", new(27));
    private static readonly DispositionCountAnswer Disposition = new("初步核实", new(2));

    public static IReadOnlyList<object> All =>
    [
        new ReportStatisticsAnswer("410221", [Office], "2026-01", "2026-12", new(64), new(51), new(9), new(48), new(37), 0.961, 0.919, 6, [Category], [Disposition]),
        Category,
        Disposition,
    ];
}
