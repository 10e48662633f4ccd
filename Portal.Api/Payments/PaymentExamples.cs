namespace Portal.Api.Payments;

/// <summary>Examples in the OpenAPI document, typed so they cannot drift from the answers (made-up people, real region codes).</summary>
public static class PaymentExamples
{
    private static readonly PaymentAnswer Payment = new(
        "410221101201-rural-dibao-2026-10-3f9a2c", "张*明", new FundLink("rural-dibao", "农村低保"),
        new VillageLink("410221101201", "史庄村", "五里河镇", "杞县"), "2026-10", 356.50m, 3, "杞县民政局", new DateOnly(2026, 10, 15));

    public static IReadOnlyList<object> All =>
    [
        new FundAnswer("rural-dibao", "农村低保", "民政局", 1500m, 36),
        new RegionAnswer("410221101", "五里河镇", "township",
            [new RegionLink("41", "河南省", "province"), new RegionLink("4102", "开封市", "city"), new RegionLink("410221", "杞县", "county")],
            1284, 402_316.50m, [new RegionTotalAnswer("410221101201", "史庄村", "village", 96, 30_124.00m)]),
        Payment,
        new PaymentPageAnswer([Payment], 96, 30_124.00m, 1, 20, "/api/v1/payments?region=410221101201&page=2", []),
        new LookupRequest("张三明", "41022119800101123X"),
        new OwnPaymentsAnswer([Payment], 1, 356.50m),
    ];
}
