using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Ingest;
using Portal.Core.Payments.Elasticsearch;
using Spectre.Console;

namespace Portal.Indexer.Sync;

/// <summary>`sync` publishes department files; `validate` is the same run without publishing.</summary>
public static class SyncCommand
{
    public static Command Create(bool dryRun)
    {
        var paths = new Argument<string[]>("PATH") { Description = "部门导出文件（CSV 或 XLSX）或包含它们的文件夹", Arity = ArgumentArity.OneOrMore };
        var county = new Option<string?>("--county") { Description = "文件所属县的 6 位区划代码（文件没有区划代码列、标题也看不出县时必填）" };
        var fund = new Option<string?>("--fund") { Description = "文件没有资金类别列时，整个文件的资金（代码或名称）" };
        var period = new Option<string?>("--period") { Description = "文件没有所属期列时，整个文件的所属期，如 2026-05" };
        var report = new Option<string?>("--report") { Description = "退回报告写到这个文件（默认写在输入文件旁边，不能在数据目录下）" };
        var department = new Option<string?>("--department") { Description = "公开记录中写明的发布部门，如 杞县民政局（默认为资金目录中各资金的主管部门）" };
        var command = new Command(dryRun ? "validate" : "sync", dryRun ? "只校验，不发布：输出与 sync 相同的退回报告" : "校验、脱敏并发布：替换文件覆盖的 村×资金×所属期 分区")
        {
            paths, county, fund, period, report,
        };
        if (!dryRun) command.Options.Add(department);
        command.SetAction(parse =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            var settings = new SyncSettings { County = parse.GetValue(county), Fund = parse.GetValue(fund), Period = parse.GetValue(period) };
            var publisher = dryRun ? null : parse.GetValue(department);
            if (Portal.Core.Publication.PartitionWithdrawal.DepartmentProblem(publisher) is { } problem) return Fail(context, problem);
            // Before publishing: a schema the ledger cannot be written to is refused while nothing has changed.
            if (!dryRun && Publication.LedgerRecording.SchemaProblem(host.Services) is { } schema) return Fail(context, schema);
            return Run(context, host.Services, Inputs(parse.GetValue(paths)!), settings, parse.GetValue(report), dryRun, publisher);
        });
        return command;
    }

    /// <summary>Files named, and the CSV/XLSX files inside folders named; earlier rejection reports are skipped.</summary>
    public static List<string> Inputs(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(IsDepartmentFile).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[p])
            .ToList();

    /// <summary>A CSV or XLSX export; a rejection report written beside an earlier input is not one.</summary>
    public static bool IsDepartmentFile(string path) =>
        (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        && !path.EndsWith(".rejected.csv", StringComparison.OrdinalIgnoreCase);

    private static int Run(IndexerContext context, IServiceProvider services, List<string> files, SyncSettings settings, string? report, bool dryRun, string? department)
    {
        if (files.Count == 0) return Fail(context, "没有找到 CSV 或 XLSX 文件。");
        Portal.Core.Privacy.OwnerKey owners;
        try { owners = context.OwnerKey(); }
        catch (InvalidOperationException e) { return Fail(context, e.Message); }

        Portal.Core.Supervision.SubjectIdentity? identities = null;
        if (!dryRun && (identities = Identities(services, out var missing)) is null) return Fail(context, missing!);

        using var sync = Open(context, owners, identities);
        var summary = new SyncSummary(dryRun);
        var published = new List<FileSyncResult>();
        var clock = Stopwatch.StartNew();

        void SyncAll(Action<SyncProgress>? onProgress)
        {
            foreach (var file in files)
            {
                var started = clock.Elapsed;
                try
                {
                    var result = sync.Run(file, settings, files.Count == 1 ? report : ReportFor(report, file), dryRun,
                        onProgress is null ? null : new Progress(onProgress));
                    summary.Add(result, clock.Elapsed - started);
                    published.Add(result);
                }
                catch (ExportFileException e) { summary.Failed(file, e.Message); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    summary.Failed(file, $"{Path.GetFileName(file)}：无法读取（{e.Message}）。");
                }
            }
            onProgress?.Invoke(new SyncProgress("索引", "提交", summary.RowsPublished));
            sync.Commit();
        }

        try
        {
            if (context.Json || Console.IsOutputRedirected) SyncAll(null);
            else
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("准备");
                        SyncAll(p => task.Description = $"{Markup.Escape(p.File)} {p.Stage} {p.Rows:N0} 行，{p.Rows / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} 行/秒");
                        task.StopTask();
                    });
        }
        // The cluster failing mid-run stops the run: nothing of it is committed, so it can simply be run again.
        catch (Exception e) when (IndexUnavailable(e))
        {
            return Fail(context, $"支付索引（{context.Payments.Location}）不可用，本次同步没有发布任何数据：{e.Message}");
        }
        // After the commit: the ledger records what is public, never what a failed run would have published.
        if (!dryRun && Publication.LedgerRecording.Record(services, published, department) is { } unrecorded) summary.Failed("公开记录", unrecorded);
        summary.Print(context.Json, clock.Elapsed);
        return summary.AnyFailed ? 1 : 0;
    }

    /// <summary>The index cannot take a sync now (the cluster is down or busy, another sync holds the Lucene folder): the file is not at fault.</summary>
    public static bool IndexUnavailable(Exception e) => e is ElasticsearchException or HttpRequestException or TaskCanceledException or Lucene.Net.Store.LockObtainFailedException;

    /// <summary>The one way files reach the payment index, for `sync` and the inbox worker alike.</summary>
    /// <param name="identities">Seals each recipient's identity for supervision; null when the run only validates.</param>
    public static PartitionSync Open(IndexerContext context, Portal.Core.Privacy.OwnerKey owners, Portal.Core.Supervision.SubjectIdentity? identities) =>
        new(new ExportValidation(context.Regions, context.Funds, owners, TimeProvider.System, identities),
            () => context.Payments.OpenStore(context.Regions, TimeProvider.System), context.Portal.DataDirectory);

    /// <summary>
    /// What seals recipients' identities for supervision, with the reports' keys; null, with the reason in Chinese, when
    /// the keys are not configured or the rule cards cannot be read: checked before anything is published.
    /// </summary>
    public static Portal.Core.Supervision.SubjectIdentity? Identities(IServiceProvider services, out string? problem)
    {
        problem = null;
        try
        {
            services.GetRequiredService<Portal.Core.Supervision.RuleCards>();
            return services.GetRequiredService<Portal.Core.Supervision.SubjectIdentity>();
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            problem = $"发布需要举报加密密钥，用来密封领取人的姓名和身份证号（数据碰撞核查时经批准才能查看）：{e.Message}";
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            problem = $"数据碰撞的规则卡无法读取，没有发布任何数据：{e.Message}";
        }
        return null;
    }

    /// <summary>With several inputs, --report names a folder-level base: one report per input beside it.</summary>
    private static string? ReportFor(string? report, string file) =>
        report is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(report))!, Path.GetFileNameWithoutExtension(file) + ".rejected.csv");

    private static int Fail(IndexerContext context, string message) => Refusal.Print(context.Json, message);

    private sealed class Progress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
