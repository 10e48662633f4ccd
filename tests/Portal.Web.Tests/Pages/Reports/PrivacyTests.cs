using System.Text;
using Portal.Core.Reports;

namespace Portal.Web.Tests.Pages.Reports;

public class PrivacyTests
{
    private const string ClientAddress = "203.0.113.77";

    [Fact]
    public async Task Nothing_a_reporter_types_nor_their_address_reaches_the_logs_the_database_file_or_the_blobs()
    {
        using var factory = new PortalWebFactory();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        var reporter = new Reporter(client);
        // ASCII markers too: a plaintext JSON copy would hold the Chinese text as \u escapes.
        var fields = Reporter.NamedReport();
        fields["reporter.name"] = "欧阳明远";
        fields["reporter.idNumber"] = Reporter.IdNumberOf("41022119750615123");
        fields["reporter.phone"] = "13987654321";
        fields["reporter.address"] = "杞县幸福路 Qx7Address 号";
        fields["title"] = "Qx7Title 村干部虚报冒领";
        fields["content"] = "Qx7Content 村支部书记把去世村民的补贴继续领走，至今未停，群众意见很大。";
        fields["password"] = fields["passwordRepeat"] = "Qx7Password-秘密";
        var photo = Upload.Photo("Qx7FileName.jpg") with { Bytes = [.. Upload.Photo().Bytes, .. "Qx7PhotoBytes"u8] };

        var receipt = await reporter.File(fields, photo);
        var code = Reporter.QueryCode(receipt);
        await reporter.LookUp(code, "Qx7WrongPassword");
        await reporter.LookUp(code, fields["password"]);
        await reporter.Supplement("Qx7Supplement 还有一位知情人。", photo);
        Assert.Contains("您补充了材料", reporter.Page);

        string[] secrets =
        [
            fields["reporter.name"], fields["reporter.idNumber"], fields["reporter.phone"], "Qx7Address", "Qx7Title", "村干部虚报冒领",
            "Qx7Content", "补贴继续领走", "Qx7Password", "Qx7WrongPassword", code, code.Replace("-", ""), "Qx7Supplement", "Qx7FileName",
            "Qx7PhotoBytes", ClientAddress,
        ];
        var logs = factory.Logs.Text;
        Assert.Contains("/reports/new", logs);
        foreach (var secret in secrets) Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"the logs hold {secret}");

        var stored = StoredBytes(factory.Data.DataDirectory);
        Assert.Contains(Path.Combine(factory.Data.DataDirectory, "portal.db"), stored.Keys);
        Assert.Contains(stored.Keys, path => path.Contains(Path.Combine(factory.Data.DataDirectory, "blobs", ReportBlobs.Container)));
        foreach (var (path, bytes) in stored)
            foreach (var secret in secrets)
                Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0, $"{path} holds {secret}");
    }

    /// <summary>The database with its write-ahead log, and every blob, read while the site still runs.</summary>
    private static Dictionary<string, byte[]> StoredBytes(string dataDirectory)
    {
        var files = Directory.EnumerateFiles(dataDirectory, "portal.db*")
            .Concat(Directory.EnumerateFiles(Path.Combine(dataDirectory, "blobs"), "*", SearchOption.AllDirectories));
        return files.ToDictionary(path => path, path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
