using System.Globalization;
using System.Text;
using CsvHelper;

namespace Portal.Core.Ingest;

/// <summary>
/// A CSV for people to open in Excel: UTF-8 with a BOM, so Chinese shows, and no cell Excel would run. A cell that
/// starts with = + - @, a tab or a carriage return is written after an apostrophe, as OWASP advises for CSV injection,
/// unless it is a plain number (-12.50): Excel reads that as a number and cannot run it. Every CSV the Portal writes
/// for people goes through here; the sample exports imitate department files and stay as departments write them.
/// </summary>
public sealed class ExcelCsv : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;

    public ExcelCsv(string path)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes to a stream the caller owns (a download), leaving it open.</summary>
    public ExcelCsv(Stream output)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
    }

    public void WriteRow(params IEnumerable<string> cells)
    {
        foreach (var cell in cells) _csv.WriteField(Defuse(cell));
        _csv.NextRecord();
    }

    /// <summary>The cell as Excel will show it without running it.</summary>
    public static string Defuse(string cell) =>
        cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) && !IsPlainNumber(cell) ? "'" + cell : cell;

    private static bool IsPlainNumber(string cell) =>
        decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
    }
}
