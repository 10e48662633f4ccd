using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Database;

public sealed class DataProtectionKeysTests
{
    private static void Register(string setting, string value) => new ServiceCollection().AddPortalDataProtection(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyCertificates.Setting] = KeyCertificates.New(), [setting] = value }).Build());

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAECAwQF")]
    public void A_certificate_setting_that_is_not_one_stops_the_host_and_says_how_to_make_one(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Register(KeyCertificates.Setting, value));

        Assert.Contains("Portal:DataProtection:Certificate 无法读取", e.Message);
        Assert.Contains("portal-indexer keys certificate", e.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused_because_it_could_not_open_the_keys()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=no-key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));

        var e = Assert.Throws<InvalidOperationException>(() => Register(KeyCertificates.Previous, Convert.ToBase64String(publicOnly.Export(X509ContentType.Pkcs12))));

        Assert.Contains("PreviousCertificates:0 无法读取（证书没有私钥）", e.Message);
    }
}
