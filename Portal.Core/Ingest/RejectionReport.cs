using System.Globalization;

namespace Portal.Core.Ingest;

/// <summary>
/// The rows a department must fix, as a CSV that Excel opens safely (<see cref="ExcelCsv"/>). Personal values in it are
/// masked, and it is never written under the data folder, so it cannot reach the public index.
/// </summary>
public static class RejectionReport
{
    public static string DefaultPathFor(string input) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, Path.GetFileNameWithoutExtension(input) + ".rejected.csv");

    public static void Write(string path, IEnumerable<Rejection> rows, string dataDirectory)
    {
        var full = Path.GetFullPath(path);
        var data = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (full.StartsWith(data, StringComparison.Ordinal))
            throw new ExportFileException($"退回报告不能写在数据目录（{dataDirectory}）下：请用 --report 指定其他位置。");
        try { WriteCsv(full, rows); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportFileException($"无法写入退回报告 {full}（{e.Message}）：请用 --report 指定一个可写的位置。", e);
        }
    }

    private static void WriteCsv(string full, IEnumerable<Rejection> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var csv = new ExcelCsv(full);
        csv.WriteRow("文件", "行号", "列", "规则", "说明");
        foreach (var r in rows) csv.WriteRow(r.File, r.Row.ToString(CultureInfo.InvariantCulture), r.Column, r.Rule.Title(), r.Message);
    }
}
