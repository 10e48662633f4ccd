using System.Text;
using Portal.Core.Ingest;
using Portal.Core.Ingest.Samples;
using Portal.Core.Privacy;
using Portal.Tests;

namespace Portal.Core.Tests.Ingest;

/// <summary>Hand-written department files for the tests, laid out as offices produce them.</summary>
internal sealed class ExportFiles : IDisposable
{
    public const string Header = "序号,乡镇（街道）,村（社区）,行政区划代码,户主姓名,身份证号码,联系电话,银行卡号,资金类别,家庭人口,发放金额（元）,所属期,发放部门,备注";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "portal-export-" + Guid.NewGuid().ToString("N")[..10]);

    public ExportFiles() => System.IO.Directory.CreateDirectory(Directory);

    /// <summary>Valid, made-up ID numbers born on the given day in 杞县.</summary>
    public static string Id(int sequence, string birth = "19560312")
    {
        var body = "410221" + birth + sequence.ToString("D3");
        return body + IdNumber.CheckCharacter(body);
    }

    /// <summary>A row of the standard layout; the columns are those of <see cref="Header"/>.</summary>
    public static string Row(int n, string name, string id, string amount = "580.00", string fund = "农村低保", string period = "2026-10",
        string township = "五里河镇", string village = "史庄村", string code = "410221101201", string household = "3", string department = "杞县民政局") =>
        $"{n},{township},{village},{code},{name},{id},13912345678,6228480012345678901,{fund},{household},\"{amount}\",{period},{department},";

    public string Csv(string name, IEnumerable<string> dataRows, Encoding? encoding = null, string? title = "杞县2026年10月农村低保发放花名册", string? total = null)
    {
        var lines = new List<string>();
        if (title is not null) lines.AddRange([title, "单位：元"]);
        lines.Add(Header);
        lines.AddRange(dataRows);
        if (total is not null) lines.Add($"合计,,,,,,,,,,\"{total}\",,,");
        lines.AddRange(["", ",,,,", "制表人：王某"]);
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", encoding ?? new UTF8Encoding(true));
        return path;
    }

    public string Xlsx(string name, IEnumerable<object?[]> rows)
    {
        var path = Path.Combine(Directory, name);
        XlsxWriter.Write(path, rows);
        return path;
    }

    public static FileValidation Validate(string path, SyncSettings? settings = null) =>
        new ExportValidation(SampleData.Regions, SampleData.Funds, new OwnerKey(new byte[32]), TimeProvider.System).Validate(path, settings ?? new SyncSettings());

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, true); }
        catch (IOException) { }
    }
}
