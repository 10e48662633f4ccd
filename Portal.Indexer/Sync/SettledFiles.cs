namespace Portal.Indexer.Sync;

/// <summary>
/// The files whose size and write time did not change between two looks at the inbox: a copy still in progress keeps
/// growing, so only a settled file is taken.
/// </summary>
public sealed class SettledFiles
{
    private Dictionary<string, (long Size, DateTime Written)> _seen = new(StringComparer.Ordinal);

    /// <summary>Takes one look at the candidates; returns those seen unchanged at the previous look, in name order.</summary>
    public IReadOnlyList<string> Look(IEnumerable<FileInfo> candidates)
    {
        var now = new Dictionary<string, (long Size, DateTime Written)>(StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            file.Refresh();
            if (file.Exists) now[file.FullName] = (file.Length, file.LastWriteTimeUtc);
        }
        var settled = now.Where(f => _seen.TryGetValue(f.Key, out var before) && before == f.Value)
            .Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        _seen = now;
        return settled;
    }
}
