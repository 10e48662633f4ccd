using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Core.Privacy;

/// <summary>
/// The keyed hash of a person's normalized name and ID number. The index stores only this, so a
/// villager can find their own payments while the index never learns who they are.
/// </summary>
public sealed class OwnerKey
{
    private readonly byte[] _key;

    public OwnerKey(IOptions<LookupOptions> options) : this(options.Value.KeyBytes()) { }

    public OwnerKey(byte[] key) => _key = key;

    public string For(string name, string idNumber) =>
        Hash("owner", NameMask.Normalize(name) + "\n" + IdNumber.Normalize(idNumber), 16);

    /// <summary>A stable public id for a payment that reveals nothing of its owner.</summary>
    public string PaymentId(string ownerKey, string fundCode, int period) => Hash("payment", $"{ownerKey}|{fundCode}|{period}", 10);

    private string Hash(string purpose, string value, int bytes)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\0" + value));
        return Convert.ToHexStringLower(mac.AsSpan(0, bytes));
    }
}
