using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Core.Tests.Reports;

/// <summary>Self-signed RSA certificates in PEM, as deploy/make-secrets.sh makes them for the data-protection keys.</summary>
internal static class KeyCertificates
{
    public const string Setting = "Portal:DataProtection:CertificatePath";

    /// <summary>Writes a certificate with its private key into one PEM file in <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=portal-data-protection-{name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(folder, $"data-protection-{name}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }
}
