using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.WeChat;

/// <summary>WeChat's request signature: SHA-1 over the parts sorted in dictionary order and joined, as lowercase hex.</summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>Compares in constant time, so the answer's timing tells a forger nothing about the right signature.</summary>
    public static bool Matches(string? given, params string[] parts)
    {
        if (given is not { Length: 40 }) return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(Compute(parts)));
    }
}
