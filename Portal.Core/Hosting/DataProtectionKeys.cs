using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;

namespace Portal.Core.Hosting;

/// <summary>
/// <c>Portal:DataProtection</c>: the certificate that encrypts ASP.NET Core's data-protection keys where they are stored.
/// Those keys sign the back office's sign-in cookies, antiforgery tokens and supplement tickets, so whoever reads them
/// can forge a staff sign-in.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string Section = "Portal:DataProtection";

    /// <summary>A PEM file holding the certificate and its private key (or a PKCS#12 file without password). Empty: keys are stored unencrypted (development).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>Certificates replaced by <see cref="CertificatePath"/>: they still open the keys they encrypted until those expire (90 days).</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    /// <summary>
    /// A new self-signed certificate (RSA 3072, ten years: it encrypts, it is never shown to a browser) followed by its
    /// private key, in PEM: the one file <see cref="CertificatePath"/> names.
    /// </summary>
    public static string NewCertificatePem()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest($"CN=portal-data-protection-{DateTime.UtcNow:yyyyMMdd}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        return certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n";
    }

    public X509Certificate2? Certificate() => CertificatePath.Length == 0 ? null : Load(CertificatePath);

    public IEnumerable<X509Certificate2> PreviousCertificates() => PreviousCertificatePaths.Where(p => p.Length > 0).Select(Load);

    private static X509Certificate2 Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{Section}:CertificatePath 指向的文件 {path} 不存在。用 deploy/make-secrets.sh 生成证书，或清空该设置（仅限开发）。");
        try
        {
            var certificate = File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, null);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException("证书没有私钥");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{Section} 的证书 {path} 无法读取（{e.Message}）：需要含私钥的 PEM 文件（证书和私钥在同一文件）或无密码的 PKCS#12 文件。", e);
        }
    }
}

public static class DataProtectionKeys
{
    /// <summary>
    /// Keys live in the Portal's database, so every instance of every host shares them without a shared folder, and a
    /// database backup holds them; with a certificate configured each key is encrypted before it is written. The
    /// certificates are read here, at registration, because the framework takes decryption certificates only then.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DataProtectionKeyOptions.Section).Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();
        var keys = services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDb>();
        if (options.Certificate() is { } certificate)
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. options.PreviousCertificates()]);
        return services;
    }
}
