using Portal.Hosting;

namespace Portal.Hosting.Tests;

public sealed class SealedSpoolTests
{
    [Fact]
    public async Task An_upload_is_kept_on_disk_only_sealed_and_reads_back_as_sent()
    {
        var photo = new byte[300 * 1024];
        Array.Fill(photo, (byte)'Q');
        await using var spool = new SealedSpool();
        var before = Spooled();

        var file = await spool.AddAsync("现场照片.jpg", new MemoryStream(photo), 20 * 1024 * 1024, default);
        var onDisk = Spooled().Except(before).Select(File.ReadAllBytes).ToList();
        using var readBack = new MemoryStream();
        await using (var stream = file.Open()) await stream.CopyToAsync(readBack);

        Assert.Equal(photo.Length, file.Length);
        Assert.Equal(photo, readBack.ToArray());
        Assert.Contains(onDisk, bytes => bytes.Length > photo.Length);
        Assert.All(onDisk, bytes => Assert.True(bytes.AsSpan().IndexOf("QQQQQQQQ"u8) < 0));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_measured_in_full_but_not_kept_past_it()
    {
        await using var spool = new SealedSpool();
        var upload = new MemoryStream(new byte[3000]);

        var file = await spool.AddAsync("大视频.mp4", upload, 1000, default);
        using var kept = new MemoryStream();
        await using (var stream = file.Open()) await stream.CopyToAsync(kept);

        Assert.Equal(3000, file.Length);
        Assert.Equal(1001, kept.Length);
        Assert.Equal(upload.Length, upload.Position);
    }

    [Fact]
    public async Task When_the_request_is_over_its_spooled_files_are_deleted()
    {
        var spool = new SealedSpool();
        var file = await spool.AddAsync("a.jpg", new MemoryStream(new byte[10]), 100, default);

        await spool.DisposeAsync();

        Assert.ThrowsAny<IOException>(() => file.Open());
    }

    private static string[] Spooled() => Directory.GetFiles(Path.GetTempPath(), "portal-upload-*");
}
