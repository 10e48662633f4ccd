using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Hosting;

public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-keys-").FullName;

    private static void Register(string certificatePath) => new ServiceCollection().AddPortalDataProtection(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyCertificates.Setting] = certificatePath }).Build());

    [Fact]
    public void A_certificate_file_that_is_missing_stops_the_host_and_says_how_to_make_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Register(Path.Combine(_folder, "absent.pem")));

        Assert.Contains("不存在", e.Message);
        Assert.Contains("deploy/make-secrets.sh", e.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused_because_it_could_not_open_the_keys()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=no-key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "public-only.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());

        var e = Assert.Throws<InvalidOperationException>(() => Register(path));

        Assert.Contains("含私钥的 PEM 文件", e.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
