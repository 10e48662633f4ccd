using System.Security.Cryptography;
using System.Text;
using Portal.Core.Ingest;

namespace Portal.Core.Payments;

/// <summary>A partition's rows as a file brings them, with the hash that tells whether they differ from what is published.</summary>
public sealed record PartitionContent(PartitionKey Key, List<ValidPayment> Rows, string Hash)
{
    /// <summary>Groups a file's payments by partition, rows in owner order so the hash does not depend on row order.</summary>
    public static List<PartitionContent> Of(IEnumerable<ValidPayment> payments) => payments.GroupBy(p => p.Partition)
        .Select(g => g.OrderBy(p => p.OwnerKey, StringComparer.Ordinal).ToList())
        .Select(rows => new PartitionContent(rows[0].Partition, rows, ContentHash(rows)))
        .ToList();

    private static string ContentHash(IEnumerable<ValidPayment> rows)
    {
        var text = new StringBuilder();
        foreach (var p in rows)
            text.Append(p.OwnerKey).Append('|').Append(Money.ToFen(p.Amount)).Append('|').Append(p.MaskedName).Append('|')
                .Append(p.HouseholdSize).Append('|').Append(p.Department).Append('|').Append(p.PaidOn?.ToString("O")).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public PublishedPayment[] Published() => Rows.Select(p => new PublishedPayment(p.OwnerKey, p.Fund.Code, p.Period, p.Village.Code)).ToArray();
}
