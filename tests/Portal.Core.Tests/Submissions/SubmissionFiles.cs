using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Core.Tests.Ingest;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Submissions;

/// <summary>What the submission tests share: 杞县民政局 and its clerk, its August 城市低保 files, the worker run until the queue is empty.</summary>
internal static class SubmissionFiles
{
    public static readonly string[] QixianFunds = ["rural-dibao", "urban-dibao", "tekun", "temporary-aid"];
    public static readonly Period August = new(2026, 8);
    public const string Village = "410221101201";

    public static string Title => "杞县2026年8月城市低保发放花名册";

    /// <summary>Good rows of 城市低保 in 史庄村, August 2026 (the harness's clock is 1 September).</summary>
    public static IEnumerable<string> Rows(int count, int first = 1, string amount = "580.00") =>
        Enumerable.Range(first, count).Select(i => ExportFiles.Row(i, "城低户" + (char)('甲' + i), ExportFiles.Id(i), amount: amount, fund: "城市低保", period: "2026-08"));

    public static async Task<Department> DepartmentAsync(ReportsHarness h, string name = "杞县民政局", string county = "410221", string[]? funds = null)
    {
        var (department, problem) = await h.With(sp => sp.GetRequiredService<Departments>().AddAsync(name, [county], funds ?? QixianFunds, by: null));
        Assert.True(department is not null, problem);
        return department!;
    }

    public static async Task<StaffActor> ClerkAsync(ReportsHarness h, string user, Department department)
    {
        var (account, problem) = await h.With(sp => sp.GetRequiredService<StaffAccounts>()
            .CreateAsync(user, user + "同志", "staff-password-123", StaffRoles.Submitter, by: null, department.Id));
        Assert.True(account is not null, problem);
        return new StaffActor(account!.Id, account.DisplayName, account.Roles);
    }

    public static async Task<Submission> UploadAsync(ReportsHarness h, StaffActor clerk, string path, bool dryRun = false)
    {
        await using var file = File.OpenRead(path);
        var (submission, problem) = await h.With(sp => sp.GetRequiredService<SubmissionQueue>().SubmitAsync(clerk, Path.GetFileName(path), file, dryRun));
        Assert.True(submission is not null, problem);
        return submission!;
    }

    /// <summary>Runs this host's worker until nothing is queued.</summary>
    public static async Task DrainAsync(ReportsHarness h)
    {
        var worker = h.Services.GetRequiredService<SubmissionWorker>();
        while (await worker.ProcessNextAsync()) { }
    }

    /// <summary>The uploads waiting in blob storage, and the worker's local copies.</summary>
    public static async Task<List<string>> SpooledAsync(ReportsHarness h)
    {
        var spooled = new List<string>();
        await foreach (var blob in BlobStores.Create(h.Services.GetRequiredService<IOptions<BlobStorageOptions>>().Value,
            h.Services.GetRequiredService<IOptions<PortalOptions>>().Value, SubmissionSpool.Container).ListAsync())
            spooled.Add(blob.Name);
        var work = Path.Combine(h.Data.DataDirectory, "submission-work");
        if (Directory.Exists(work)) spooled.AddRange(Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories));
        return spooled;
    }

    public static Task<Submission> RecordAsync(ReportsHarness h, long id) =>
        h.With(sp => sp.GetRequiredService<PortalDb>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>The August 城市低保 payments of 史庄村 the public sees now.</summary>
    public static async Task<PaymentPage> PublishedAsync(ReportsHarness h)
    {
        var index = h.Services.GetRequiredService<IPaymentIndex>();
        await index.RefreshAsync();
        return await index.SearchAsync(new PaymentQuery { RegionCode = Village, FundCode = "urban-dibao", Period = August, PageSize = 100 });
    }
}
