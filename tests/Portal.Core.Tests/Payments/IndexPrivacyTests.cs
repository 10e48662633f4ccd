using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Portal.Core.Ingest.Samples;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>
/// After syncing sample data, no ID number, phone, bank account or full name from the input is anywhere in
/// the data folder: not in its raw bytes, not in any indexed term, not in any stored field (which Lucene
/// compresses, so the byte scan alone could miss them).
/// </summary>
public class IndexPrivacyTests
{
    [Fact]
    public void The_data_folder_holds_no_personal_data_from_the_department_files()
    {
        using var data = new SampleData();
        data.AddCounty(people: 150, months: 2, format: SampleFormat.Gb18030Csv);
        data.AddCounty("410223", people: 150, months: 2, format: SampleFormat.Xlsx, seed: 8);
        var secrets = Secrets(data);

        var bytes = System.IO.Directory.EnumerateFiles(data.DataDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(bytes);
        foreach (var secret in secrets)
        {
            var utf8 = Encoding.UTF8.GetBytes(secret);
            Assert.DoesNotContain(bytes, b => b.AsSpan().IndexOf(utf8) >= 0);
        }

        var indexed = IndexedText(data.IndexDirectory);
        Assert.Contains(indexed, t => t.Contains('*'));
        foreach (var secret in secrets) Assert.DoesNotContain(indexed, t => t.Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>Every full name of three or more characters, and every 2-character name as a whole value; ID numbers, phones, bank accounts.</summary>
    private static HashSet<string> Secrets(SampleData data)
    {
        var people = data.Rows.Select(r => r.Person).Distinct().ToList();
        Assert.True(people.Count >= 300);
        return people.SelectMany(p => new[] { p.IdNumber, p.Phone, p.BankAccount, p.Name }).ToHashSet();
    }

    private static List<string> IndexedText(string path)
    {
        var text = new List<string>();
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            foreach (var field in atomic.Fields)
            {
                var terms = atomic.GetTerms(field).GetEnumerator();
                while (terms.MoveNext()) text.Add(terms.Term.Utf8ToString());
            }
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
                text.AddRange(atomic.Document(doc).Fields.Select(f => f.GetStringValue() ?? f.GetBinaryValue()?.Utf8ToString() ?? ""));
        }
        return text;
    }
}
