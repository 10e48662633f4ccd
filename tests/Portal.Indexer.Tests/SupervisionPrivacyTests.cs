using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Ingest;
using Portal.Core.Supervision;
using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>
/// After payments are synced, reference lists imported and the rules run, no ID number of a recipient or of a reference
/// list (nor its old 15-digit form) is anywhere: not in the data folder's files (database, WAL, index), not in the
/// rejection reports, not in what the commands printed or logged.
/// </summary>
public sealed partial class SupervisionPrivacyTests : IDisposable
{
    private readonly SampleData _data = new();
    private readonly List<string> _printed = [];

    public void Dispose() => _data.Dispose();

    private IndexerProcess.Result Run(params string[] args)
    {
        var result = IndexerProcess.Run(_data, args);
        Assert.True(result.ExitCode == 0, result.Error);
        _printed.Add(result.Output);
        _printed.Add(result.Error);
        return result;
    }

    [Fact]
    public void No_id_number_of_a_recipient_or_a_reference_list_is_stored_reported_printed_or_logged()
    {
        var payments = Path.Combine(_data.InputDirectory, "payments");
        var lists = Path.Combine(_data.InputDirectory, "lists");
        Run("sample", "--out", payments, "--rows", "400", "--counties", "410221", "--months", "2", "--with-errors", "--references", lists);
        Run("sync", payments, "--json");
        var kinds = new Dictionary<ReferenceKind, string> { [ReferenceKind.Deceased] = "deceased", [ReferenceKind.Officials] = "officials", [ReferenceKind.Vehicles] = "vehicles", [ReferenceKind.Businesses] = "businesses" };
        foreach (var (kind, file) in SampleReferences.FileNames)
            Run("reference", "import", Path.Combine(lists, file), "--kind", kinds[kind], "--county", "410221", "--json");
        // A list with bad rows, so its rejection report is written and scanned too.
        var bad = Path.Combine(lists, "bad.csv");
        File.WriteAllText(bad, "姓名,身份证号,死亡日期\r\n甲,41022119560312001,2026-01-01\r\n乙,410221195603120012,2026-01-01\r\n");
        Run("reference", "import", bad, "--kind", "deceased", "--county", "410223", "--json");
        Assert.NotEmpty(Run("clues", "run", "--json").Json.GetProperty("clues").EnumerateArray());

        var numbers = RecipientNumbers(payments).Concat(ReferenceNumbers(lists)).Concat(["41022119560312001", "410221195603120012"]).ToHashSet();
        var legacy = numbers.Where(n => n.Length == 18 && n[6..8] == "19").Select(n => n[..6] + n[8..17]).ToList();
        numbers.UnionWith(legacy);
        Assert.True(numbers.Count > 200, $"only {numbers.Count} numbers to look for");
        Assert.Contains(numbers, n => n.Length == 15);

        var reports = Directory.EnumerateFiles(_data.InputDirectory, "*.rejected.csv", SearchOption.AllDirectories).ToList();
        Assert.True(reports.Count >= 2, "the payment and reference rejection reports should have been written");
        var planted = Path.Combine(_data.DataDirectory, "planted.bin");
        var probe = numbers.First(n => n.Length == 15);
        File.WriteAllBytes(planted, [0, 1, .. Encoding.UTF8.GetBytes("x" + probe + "y"), 2]);
        Assert.Equal([probe], Leaks(numbers, reports).Select(l => l.Number).Distinct());
        File.Delete(planted);

        var leaks = Leaks(numbers, reports);

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(10).Select(l => $"{l.Where} holds {l.Number}")));
    }

    private List<(string Where, string Number)> Leaks(HashSet<string> numbers, List<string> reports)
    {
        var places = Directory.EnumerateFiles(_data.DataDirectory, "*", SearchOption.AllDirectories).Concat(reports)
            .Select(path => (Where: path, Text: Encoding.Latin1.GetString(File.ReadAllBytes(path))))
            .Concat(_printed.Select((text, i) => (Where: $"command output {i}", Text: text)));
        return places.SelectMany(p => Digits().Matches(p.Text).Select(m => m.Value).SelectMany(Windows).Where(numbers.Contains).Distinct().Select(n => (p.Where, n))).ToList();
    }

    /// <summary>Every 15- and 18-character stretch of a run of digits (and X), so a number inside a longer run is found too.</summary>
    private static IEnumerable<string> Windows(string run) =>
        new[] { 15, 18 }.SelectMany(length => Enumerable.Range(0, Math.Max(0, run.Length - length + 1)).Select(i => run.Substring(i, length)));

    private static IEnumerable<string> RecipientNumbers(string folder) =>
        Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".csv") && !f.EndsWith(".rejected.csv") || f.EndsWith(".xlsx"))
            .SelectMany(f => DepartmentExport.Open(f).Rows().Select(r => r.IdNumber)).Where(IsNumber);

    private static IEnumerable<string> ReferenceNumbers(string folder) =>
        SampleReferences.FileNames.SelectMany(f => ReferenceFile.Open(Path.Combine(folder, f.Value), f.Key).Rows()
            .SelectMany(r => new[] { r[ReferenceColumn.IdNumber], r[ReferenceColumn.RelativeIdNumber] })).Where(IsNumber);

    private static bool IsNumber(string text) => IdPattern().IsMatch(text);

    [GeneratedRegex(@"^(\d{17}[\dX]|\d{15})$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"[\dX]{15,}")]
    private static partial Regex Digits();
}
