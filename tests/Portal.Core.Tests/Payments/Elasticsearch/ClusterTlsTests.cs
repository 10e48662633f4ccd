using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Payments.Elasticsearch;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// TLS to the cluster with a configured CA, against a real HTTPS server on loopback standing in for a node (it answers
/// only <c>_cluster/health</c>): a certificate signed by that CA is accepted, one signed by another CA is refused.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("portal-es-tls-").FullName;
    private readonly (X509Certificate2 Cert, ECDsa Key) _ca = CreateCa("CN=Portal Test Cluster CA");
    private WebApplication? _node;
    private string _url = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var certificate = ServerCertificate(_ca);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        _node = builder.Build();
        _node.MapGet("/_cluster/health", () => Results.Text("""{"cluster_name":"portal","status":"green"}""", "application/json"));
        await _node.StartAsync();
        _url = _node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    private ElasticsearchClient ClientTrusting(X509Certificate2 ca)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".crt");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return new ElasticsearchClient(new ElasticsearchOptions { Url = _url, CaCertificatePath = path }, sleep: _ => { }, attempts: 1);
    }

    [Fact]
    public void A_node_whose_certificate_the_configured_CA_signed_is_trusted()
    {
        using var client = ClientTrusting(_ca.Cert);
        Assert.Equal(new ClusterHealth("green", true), client.Health());
    }

    [Fact]
    public void A_node_whose_certificate_another_CA_signed_is_refused()
    {
        var other = CreateCa("CN=Someone Else");
        using var otherCa = other.Cert;
        using var otherKey = other.Key;
        using var client = ClientTrusting(otherCa);
        var health = client.Health();
        Assert.False(health.Ready);
        Assert.StartsWith("unreachable", health.Status);
    }

    private static (X509Certificate2 Cert, ECDsa Key) CreateCa(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return (request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)), key);
    }

    private static X509Certificate2 ServerCertificate((X509Certificate2 Cert, ECDsa Key) ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca.Cert.SubjectName, X509SignatureGenerator.CreateForECDsa(ca.Key),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);
        // Reloaded from PKCS#12 so the TLS stack gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12, "p"), "p");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        _ca.Cert.Dispose();
        _ca.Key.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
