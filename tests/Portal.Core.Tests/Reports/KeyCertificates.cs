using Portal.Core.Database;


namespace Portal.Core.Tests.Reports;

/// <summary>Certificates for the data-protection keys, made as `portal-indexer keys certificate` makes them.</summary>
internal static class KeyCertificates
{
    public const string Setting = "Portal:DataProtection:Certificate";
    public const string Previous = "Portal:DataProtection:PreviousCertificates:0";

    public static string New() => DataProtectionKeyOptions.NewCertificate();
}
