using System.Text;
using Portal.Core.Ingest;
using Portal.Core.Submissions;
using Portal.Core.Tests.Ingest;
using Portal.Core.Tests.Reports;
using Portal.Tests;
using static Portal.Core.Tests.Submissions.SubmissionFiles;

namespace Portal.Core.Tests.Submissions;

/// <summary>
/// Uploads that would hurt a careless reader (a zip bomb, a million columns, bytes that are not GB18030) fail with a
/// Chinese sentence the clerk can act on, each alone: the good file queued behind them is still published.
/// The readers' memory bounds are proven in SheetReaderTests; here, that the submission path keeps their refusals.
/// </summary>
public sealed class HostileSubmissionTests : IDisposable
{
    private readonly ExportFiles _files = new();

    [Fact]
    public async Task A_zip_bomb_a_million_columns_and_broken_GB18030_each_get_a_Chinese_answer_and_the_good_file_behind_them_is_published()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var bomb = Path.Combine(_files.Directory, "花名册.xlsx");
        HugeCellXlsx.Write(bomb, 30_000_000, shared: true);
        var wide = Path.Combine(_files.Directory, "很宽.csv");
        await using (var writer = new StreamWriter(wide, false, new UTF8Encoding(true)))
        {
            await writer.WriteAsync(ExportFiles.Header + "\r\n" + Rows(1).Single() + "\r\n");
            for (var i = 0; i < 1_000_000; i++) await writer.WriteAsync("a,");
        }
        var broken = _files.Csv("乱码.csv", [.. Rows(2, first: 40), ExportFiles.Row(42, "李@四", ExportFiles.Id(42), fund: "城市低保", period: "2026-08")], SheetReader.Gb18030, title: Title);
        var bytes = await File.ReadAllBytesAsync(broken);
        bytes[Array.IndexOf(bytes, (byte)'@')] = 0xFF;
        await File.WriteAllBytesAsync(broken, bytes);

        var queued = new[] { await UploadAsync(h, clerk, bomb), await UploadAsync(h, clerk, wide), await UploadAsync(h, clerk, broken), await UploadAsync(h, clerk, _files.Csv("好的.csv", Rows(3), title: Title)) };
        await DrainAsync(h);
        var records = await Task.WhenAll(queued.Select(q => RecordAsync(h, q.Id)));

        Assert.Equal(SubmissionStatus.Failed, records[0].Status);
        Assert.Contains("工作表“花名册”第 2 行 D 列", records[0].Error);
        Assert.Equal(SubmissionStatus.Failed, records[1].Status);
        Assert.Contains($"{SheetReader.MaxColumns} 列", records[1].Error);
        Assert.All(records[..2], r => Assert.Equal(0, r.RowsPublished));
        Assert.Equal((SubmissionStatus.Finished, 2, 1), (records[2].Status, records[2].RowsPublished, records[2].RowsRejected));
        Assert.Contains(SubmissionRejections.Read(records[2]), r => r.Message.Contains("无法识别的字符", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Finished, records[3].Status);
        // 好的.csv replaced the partition 乱码.csv published: the last file of 史庄村's August 城市低保 is what shows.
        Assert.Equal(3, (await PublishedAsync(h)).TotalCount);
    }

    public void Dispose() => _files.Dispose();
}
