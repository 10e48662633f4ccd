using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Publication;

namespace Portal.Tests;

/// <summary>
/// Publishes made-up 农村低保 rows for one village and month through the sync, and records them in a host's
/// publication ledger at the time its clock says: how the record pages and answers are given a history.
/// </summary>
public static class PublicationSample
{
    public const string Village = "410221101201";
    public const string Department = "杞县民政局";

    /// <summary>Made-up people of the rows, so privacy checks can look for them.</summary>
    public static IReadOnlyList<(string Name, string IdNumber)> People { get; } =
        [("张三明", Id(1)), ("欧阳娜娜", Id(2)), ("李四", Id(3))];

    public static async Task PublishAsync(SampleData data, IServiceProvider host, string period, string village = Village)
    {
        var path = Path.Combine(data.InputDirectory, $"dibao-{village}-{period}-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "序号,乡镇（街道）,村（社区）,行政区划代码,户主姓名,身份证号码,资金类别,家庭人口,发放金额（元）,所属期,发放部门" };
        var name = SampleData.Regions.Find(village)!;
        var township = SampleData.Regions.Find(name.ParentCode!)!;
        lines.AddRange(People.Select((p, i) => $"{i + 1},{township.Name},{name.Name},{village},{p.Name},{p.IdNumber},农村低保,2,580.00,{period},{Department}"));
        await File.WriteAllLinesAsync(path, lines, Encoding.UTF8);
        var result = data.Sync(path);
        using var scope = host.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublicationLedger>().RecordSyncAsync(result, Department);
        await HostShowsAsync(host, village, period, People.Count);
    }

    public static async Task<WithdrawalResult> WithdrawAsync(IServiceProvider host, string period, string reason, string village = Village)
    {
        using var scope = host.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<PartitionWithdrawal>().WithdrawAsync(village, "rural-dibao", period, reason, Department);
        if (result.Problem is null) await HostShowsAsync(host, village, period, 0);
        return result;
    }

    /// <summary>Waits for the host's index reader to take the commit in: a page asked for before shows the old index, and is cached.</summary>
    private static async Task HostShowsAsync(IServiceProvider host, string village, string period, int rows)
    {
        Assert.True(Period.TryParseIso(period, out var month));
        var query = new PaymentQuery { RegionCode = village, FundCode = "rural-dibao", Period = month };
        var index = host.GetRequiredService<IPaymentIndex>();
        Assert.True(await Eventually.HoldsAsync(async () => (await index.SearchAsync(query)).TotalCount == rows), $"the host's index never showed {rows} rows of {village} {period}");
    }

    private static string Id(int sequence)
    {
        var body = "410221" + "19560312" + sequence.ToString("D3");
        return body + IdNumber.CheckCharacter(body);
    }
}

/// <summary>A clock a test sets by hand (the hosts take TimeProvider from their services).</summary>
public sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
