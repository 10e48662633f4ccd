using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Core.Ingest;
using Portal.Indexer.Sync;

namespace Portal.Indexer;

/// <summary>
/// How portal-indexer refuses: one Chinese sentence on stderr ("错误：…"), also as {"error": …} on stdout with --json,
/// and exit code 2. Bad options and whatever a command lets escape end here too, never as a stack trace.
/// </summary>
public static partial class Refusal
{
    public const int ExitCode = 2;

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        // System.CommandLine ships Chinese texts for its own messages (missing argument, unknown option, help).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        var parse = root.Parse(args);
        var json = parse.GetValue(IndexerOptions.Json);
        if (parse.Errors.Count > 0) return Print(json, $"{Explain(parse)}；用 --help 查看用法。");
        try
        {
            // No termination timeout: System.CommandLine would end the process with 143 two seconds after SIGTERM, cutting off
            // the file watch is finishing; watch takes SIGTERM itself, and the other commands stop as any program does.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e)
        {
            return Print(json, Sentence(e));
        }
    }

    public static int Print(bool json, string message)
    {
        Console.Error.WriteLine("错误：" + message);
        if (json) Console.WriteLine(JsonSerializer.Serialize(new { error = message }, SyncSummary.JsonOptions));
        return ExitCode;
    }

    /// <summary>
    /// A missing option or a value that does not convert, named with its option; otherwise System.CommandLine's own text,
    /// which is Chinese for most errors (unknown option, missing argument).
    /// </summary>
    private static string Explain(ParseResult parse)
    {
        if (parse.CommandResult.Command.Options.FirstOrDefault(o => o.Required && parse.GetResult(o) is not { IdentifierTokenCount: > 0 }) is { } missing)
            return $"缺少必填选项 {missing.Name}";
        var error = parse.Errors[0];
        // The value typed may be Chinese; whether the message is depends on the words around it.
        if (IsChinese(Quoted().Replace(error.Message, ""))) return error.Message.TrimEnd('。', '.');
        var option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
        var value = string.Join(" ", error.SymbolResult?.Tokens.Select(t => t.Value) ?? []);
        return option is not null && value.Length > 0 ? $"选项 {option.Option.Name} 的值“{value}”格式不对" : $"命令行有误（{error.Message.TrimEnd('.')}）";
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex("'[^']*'|“[^”]*”")]
    private static partial Regex Quoted();

    private static string Sentence(Exception e) => e switch
    {
        ExportFileException => e.Message,
        UnauthorizedAccessException => $"没有权限读写这个位置（{e.Message}）。",
        IOException => $"无法读写文件或文件夹（{e.Message}）。",
        OperationCanceledException => "已取消。",
        OutOfMemoryException => "内存不足，已中止：请把文件拆小，或给程序更多内存后再试。",
        _ when IsChinese(e.Message) => e.Message,
        _ => $"portal-indexer 意外中止（{e.GetType().Name}：{e.Message}）。请把这句话和所用的命令告诉运维人员。",
    };
}
