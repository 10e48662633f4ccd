using Portal.Core.Hosting;

namespace Portal.Core.Tests.Reports;

/// <summary>Certificates for the data-protection keys, made as `portal-indexer keys certificate` makes them.</summary>
internal static class KeyCertificates
{
    public const string Setting = "Portal:DataProtection:CertificatePath";

    public static string Write(string folder, string name)
    {
        var path = Path.Combine(folder, $"data-protection-{name}.pem");
        File.WriteAllText(path, DataProtectionKeyOptions.NewCertificatePem());
        return path;
    }
}
