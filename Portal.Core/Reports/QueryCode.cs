using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Reports;

/// <summary>
/// The reporter's 查询码: 20 symbols from an alphabet without look-alikes (no 0/O, 1/I/L), about 99 bits
/// of randomness, shown as five groups of four so it can be read aloud and copied by hand.
/// Only its hash is stored.
/// </summary>
public static class QueryCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 20;
    public const int GroupSize = 4;

    public static double Bits => Length * Math.Log2(Alphabet.Length);

    public static string New()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < Length; i++) symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(symbols);
    }

    /// <summary>ABCD-EFGH-JKMN-PQRS-TUVW.</summary>
    public static string Format(string code) => string.Join("-", code.Chunk(GroupSize).Select(g => new string(g)));

    /// <summary>What a person typed, without spaces, hyphens and case; null when it cannot be a query code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var builder = new StringBuilder(Length);
        foreach (var c in typed.Normalize(NormalizationForm.FormKC))
        {
            if (c is ' ' or '-' or '\u2014' or '\u2010' or '\t') continue;
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper)) return null;
            builder.Append(upper);
        }
        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>The stored form: a plain SHA-256 suffices because the code itself carries ~99 random bits.</summary>
    public static byte[] Hash(string normalizedCode) => SHA256.HashData(Encoding.ASCII.GetBytes(normalizedCode));
}
