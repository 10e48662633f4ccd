using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Core.Privacy;

/// <summary>
/// The keyed hash of a person's normalized name and ID number. The index stores only this, so a
/// villager can find their own payments while the index never learns who they are.
/// </summary>
public sealed class OwnerKey : IDisposable
{
    // One HMAC per thread, reused: the one-shot HMAC sets up a new context per call, which dominated syncing a million rows.
    private readonly ThreadLocal<IncrementalHash> _hmac;

    public OwnerKey(IOptions<LookupOptions> options) : this(options.Value.KeyBytes()) { }

    public OwnerKey(byte[] key)
    {
        var copy = key.ToArray();
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, copy), trackAllValues: true);
    }

    public string For(string name, string idNumber) => Hash("owner\0" + NameMask.Normalize(name) + "\n" + IdNumber.Normalize(idNumber));

    /// <summary>A keyed hash of the name alone, for counting lookups per name without keeping names.</summary>
    public string ForName(string name) => Hash("name\0" + NameMask.Normalize(name));

    /// <summary>
    /// A keyed hash of the ID number alone, to compare a payment with other departments' lists (which spell names their own
    /// way). Its prefix differs from the owner's and the name's, so no hash of one kind equals one of another.
    /// </summary>
    public string ForIdNumber(string idNumber) => Hash("person\0" + IdNumber.Normalize(idNumber));

    private string Hash(string value)
    {
        var hmac = _hmac.Value!;
        hmac.AppendData(Encoding.UTF8.GetBytes(value));
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    public void Dispose()
    {
        foreach (var hmac in _hmac.Values) hmac.Dispose();
        _hmac.Dispose();
    }
}
