using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core.Privacy;

namespace Portal.Core.Reports;

/// <summary>
/// Finds likely duplicates (重复举报): reports about the same person or unit whose accounts overlap. The
/// person and unit are compared through keyed hashes, so the database never holds them in the clear;
/// the accounts are compared by their character pairs, which suits Chinese text without a word splitter.
/// </summary>
public sealed class DuplicateFinder
{
    private readonly byte[] _key;

    /// <summary>Its own key (Portal:Reports:Secrets:DuplicateKey), so rotating the lookup key leaves it alone; unset, the one derived from the lookup key.</summary>
    public DuplicateFinder(IOptions<ReportSecretsOptions> secrets, IOptions<LookupOptions> lookup)
        : this(secrets.Value.DuplicateKeyBytes() ?? KeyFromLookupKey(lookup.Value.KeyBytes())) { }

    public DuplicateFinder(byte[] key) => _key = key;

    /// <summary>The key deployments used before DuplicateKey was a setting of its own; pinning it keeps their hashes.</summary>
    public static byte[] KeyFromLookupKey(byte[] lookupKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, lookupKey, 32, info: "portal reports duplicate keys"u8.ToArray());

    public byte[] PersonKey(string name) => Key("person\0" + Normalize(name));

    public byte[] UnitKey(string unit) => Key("unit\0" + Normalize(unit));

    /// <summary>Jaccard overlap of the two texts' character bigrams, 0 to 1.</summary>
    public static double Similarity(string a, string b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b);
        if (left.Count == 0 || right.Count == 0) return 0;
        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var letters = Normalize(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++) set.Add(letters.Substring(i, 2));
        return set;
    }

    /// <summary>Half-width, lower-case, letters and digits only: 某某镇 人民政府 and 某某镇人民政府 are one unit.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private byte[] Key(string text) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));
}
