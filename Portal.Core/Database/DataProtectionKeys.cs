using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;

namespace Portal.Core.Database;

/// <summary>
/// <c>Portal:DataProtection</c>: the certificate that encrypts ASP.NET Core's data-protection keys where they are stored.
/// Those keys sign the back office's sign-in cookies, antiforgery tokens and supplement tickets, so whoever reads them
/// can forge a staff sign-in. Given like the other keys, as a secret setting (Base64), so containers need no file.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string Section = "Portal:DataProtection";

    /// <summary>The certificate with its private key, PKCS#12 without password, in Base64 (<c>portal-indexer keys certificate</c>). Empty: keys are stored unencrypted (development).</summary>
    public string Certificate { get; set; } = "";

    /// <summary>Certificates <see cref="Certificate"/> replaced: they still open the keys they encrypted until those expire (90 days).</summary>
    public string[] PreviousCertificates { get; set; } = [];

    /// <summary>A new self-signed certificate (RSA 3072, ten years: it encrypts, it is never shown to a browser), as <see cref="Certificate"/> takes it.</summary>
    public static string NewCertificate()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest($"CN=portal-data-protection-{DateTime.UtcNow:yyyyMMdd}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }

    public X509Certificate2? Current() => Certificate.Length == 0 ? null : Load(Certificate, nameof(Certificate));

    public IEnumerable<X509Certificate2> Previous() =>
        PreviousCertificates.Select((text, i) => (text, i)).Where(c => c.text.Length > 0).Select(c => Load(c.text, $"{nameof(PreviousCertificates)}:{c.i}"));

    private static X509Certificate2 Load(string text, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(text.Trim()), null);
            if (!certificate.HasPrivateKey) throw new CryptographicException("证书没有私钥");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException($"{Section}:{setting} 无法读取（{e.Message}）：需要 portal-indexer keys certificate 生成的 Base64（含私钥、无密码的 PKCS#12）。", e);
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
        if (options.Current() is { } certificate)
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. options.Previous()]);
        return services;
    }
}
