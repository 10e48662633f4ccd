using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Spectre.Console;

namespace Portal.Indexer.Sync;

/// <summary>What a sync run did, per file and in all: for the clerk on the console, or as JSON for scripts.</summary>
public sealed class SyncSummary(bool dryRun)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    private readonly List<FileReport> _files = [];

    public bool AnyFailed => _files.Any(f => f.Error is not null);

    public int RowsPublished => _files.Sum(f => f.RowsPublished);

    public void Add(FileSyncResult result, TimeSpan elapsed)
    {
        var v = result.Validation;
        _files.Add(new FileReport(v.Path, null, v.County?.Name, v.RowsRead, v.Payments.Count, v.RowsRejected, v.AmountPublished,
            v.Rejections.GroupBy(r => r.Rule.Title()).ToDictionary(g => g.Key, g => g.Select(r => r.Row).Distinct().Count()),
            v.Warnings.Select(w => $"第 {w.Row} 行：{w.Message}").ToList(),
            result.Replacement?.Changed.Count ?? 0, result.Replacement?.Unchanged ?? 0, result.PartitionsKept, result.ReportPath,
            Math.Round(elapsed.TotalSeconds, 3)));
    }

    public void Failed(string path, string message) =>
        _files.Add(new FileReport(path, message, null, 0, 0, 0, 0, new Dictionary<string, int>(), [], 0, 0, 0, null, 0));

    public void Print(bool json, TimeSpan elapsed)
    {
        // A file refused is a refusal: its sentence goes to stderr (its message names the file), whatever stdout carries.
        foreach (var f in _files.Where(f => f.Error is not null)) Console.Error.WriteLine("错误：" + f.Error);
        var totals = new
        {
            dryRun,
            files = _files.Count,
            failedFiles = _files.Count(f => f.Error is not null),
            rowsRead = _files.Sum(f => f.RowsRead),
            rowsPublished = _files.Sum(f => f.RowsPublished),
            rowsRejected = _files.Sum(f => f.RowsRejected),
            amountPublished = _files.Sum(f => f.AmountPublished),
            seconds = Math.Round(elapsed.TotalSeconds, 3),
            rowsPerSecond = Math.Round(_files.Sum(f => f.RowsRead) / Math.Max(elapsed.TotalSeconds, 0.001)),
        };
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { summary = totals, files = _files }, JsonOptions));
            return;
        }
        foreach (var f in _files)
        {
            var name = Markup.Escape(Path.GetFileName(f.Path));
            if (f.Error is not null) continue;
            AnsiConsole.MarkupLine($"[green]✓ {name}[/]（{Markup.Escape(f.County ?? "县未识别")}）读取 {f.RowsRead:N0} 行，{(dryRun ? "可发布" : "发布")} {f.RowsPublished:N0} 行 {Money.Yuan(f.AmountPublished)}，退回 {f.RowsRejected:N0} 行");
            foreach (var (rule, count) in f.RejectedByRule) AnsiConsole.MarkupLine($"    退回·{Markup.Escape(rule)}：{count:N0} 行");
            foreach (var warning in f.Warnings) AnsiConsole.MarkupLine($"    [yellow]提醒[/]：{Markup.Escape(warning)}");
            if (!dryRun) AnsiConsole.MarkupLine($"    分区：更新 {f.PartitionsChanged:N0}，内容未变 {f.PartitionsUnchanged:N0}，全部退回而保留原数据 {f.PartitionsKept:N0}");
            if (f.Report is not null) AnsiConsole.MarkupLine($"    退回报告：{Markup.Escape(f.Report)}");
        }
        AnsiConsole.MarkupLine($"合计：{totals.files} 个文件（失败 {totals.failedFiles}），读取 {totals.rowsRead:N0} 行，{(dryRun ? "可发布" : "发布")} {totals.rowsPublished:N0} 行 {Money.Yuan(totals.amountPublished)}，退回 {totals.rowsRejected:N0} 行，用时 {totals.seconds:N1} 秒（{totals.rowsPerSecond:N0} 行/秒）");
    }

    private sealed record FileReport(
        string Path, string? Error, string? County, int RowsRead, int RowsPublished, int RowsRejected, decimal AmountPublished,
        Dictionary<string, int> RejectedByRule, List<string> Warnings, int PartitionsChanged, int PartitionsUnchanged, int PartitionsKept,
        string? Report, double Seconds);
}
