using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Portal.Core.Ingest;

namespace Portal.Core.Submissions;

/// <summary>One line of a submission's rejection report as kept: the row, the column, the rule and the masked message.</summary>
public sealed record StoredRejection(int Row, string Column, string Rule, string Message, bool Warning);

/// <summary>
/// The rejections of a submission as kept in its record and downloaded as CSV. The messages are the report's own,
/// which carry masked values only (张*明, 410221********1234), never a full name or ID number.
/// </summary>
public static class SubmissionRejections
{
    /// <summary>Kept per submission: a file with more rejected rows than this is not one to fix row by row.</summary>
    public const int MaxKept = 20_000;

    // Chinese as written, so that what the record holds can be read (and checked) as it is.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string ToJson(FileValidation file) => JsonSerializer.Serialize(
        file.Warnings.Select(w => new StoredRejection(w.Row, w.Column, w.Rule.Title(), w.Message, true))
            .Concat(file.Rejections.Select(r => new StoredRejection(r.Row, r.Column, r.Rule.Title(), r.Message, false)))
            .Take(MaxKept).ToList(), Json);

    public static IReadOnlyList<StoredRejection> Read(Submission submission) =>
        JsonSerializer.Deserialize<List<StoredRejection>>(submission.Rejections, Json) ?? [];

    /// <summary>The report as a CSV Excel opens safely (<see cref="ExcelCsv"/>).</summary>
    public static void WriteCsv(Submission submission, Stream output)
    {
        using var csv = new ExcelCsv(output);
        csv.WriteRow("文件", "行号", "列", "规则", "说明");
        foreach (var r in Read(submission))
            csv.WriteRow(submission.FileName, r.Row.ToString(CultureInfo.InvariantCulture), r.Column, r.Warning ? "提醒：" + r.Rule : r.Rule, r.Message);
    }
}
