using System.Text;

namespace Portal.Core.Regions;

/// <summary>How well a village's name answers a search: the order in which matches are listed.</summary>
public enum VillageMatchKind { Exact = 0, Prefix = 1, Contains = 2 }

/// <summary>A village found by name: shown as people say it (史庄村), with where it is (河南省开封市杞县五里河镇).</summary>
public sealed record VillageMatch(Region Village, string Name, string Place, VillageMatchKind Kind, bool Served);

/// <summary>The answer to a search: the best <see cref="VillageSearch.MaxResults"/> matches of all found, or why the query was not run.</summary>
public sealed record VillageSearchResult(string Query, IReadOnlyList<VillageMatch> Matches, int TotalCount, string? Problem)
{
    /// <summary>What to tell the person when the list is empty or cut short, in Chinese; null when all matches are listed.</summary>
    public string? Advice => Problem ?? (TotalCount == 0
        ? $"没有找到名称含“{Query}”的村（社区）。请检查字是否写对，或只输入村名中的两三个字（如“史庄”），也可以输入拼音（如 shizhuang）或拼音首字母（如 szc）。"
        : TotalCount > Matches.Count
            ? $"共找到 {TotalCount} 个村（社区），只列出最接近的 {Matches.Count} 个。请多输入几个字，或写全村名。"
            : null);
}

/// <summary>
/// Finds a village of any county of China by its name (史庄, 史庄村), its pinyin (shizhuang) or its initials (szc): exact
/// names first, then names that begin with the query, then names that contain it; within each, the counties this
/// deployment serves (<see cref="ServedArea"/>) before the rest. Homonyms in different counties are each listed.
/// The names of all 620,573 villages are read once, at the first search, into one string (about 15 MB with the pinyin
/// table); each search then scans them, keeping only the best <see cref="MaxResults"/>.
/// </summary>
public sealed class VillageSearch
{
    public const int MinLength = 2;
    public const int MaxLength = 20;
    public const int MaxResults = 20;

    /// <summary>Endings that say what the place is: 史庄 is exactly 史庄村.</summary>
    private static readonly string[] PlaceEndings = ["村", "社区", "居", "嘎查"];

    private readonly RegionCatalog _regions;
    private readonly HashSet<long> _served;
    private readonly Lazy<Names> _names;
    private readonly Lazy<PinyinReadings> _pinyin;

    public VillageSearch(RegionCatalog regions, ServedArea served, string pinyinPath)
    {
        _regions = regions;
        _served = served.Counties.Select(c => long.Parse(c.Code)).ToHashSet();
        _names = new Lazy<Names>(() =>
        {
            var names = new Names(regions.AllVillages());
            // Reading 620,573 villages leaves some 100 MB of short-lived strings behind, once; given back to the system now
            // rather than kept by the collector for a peak that does not come again.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return names;
        });
        _pinyin = new Lazy<PinyinReadings>(() => PinyinReadings.Load(pinyinPath));
    }

    /// <summary>Whether the names are held: they are read at the first search, not at start-up.</summary>
    public bool IsLoaded => _names.IsValueCreated;

    public VillageSearchResult Find(string? query)
    {
        var (text, problem) = Read(query);
        if (problem is not null) return new VillageSearchResult(text, [], 0, problem);

        var names = _names.Value;
        // The worst of the best first, to be let go when a better one comes.
        var best = new PriorityQueue<int, (int Kind, int Served, int Rare, int Length, long Code)>(
            Comparer<(int, int, int, int, long)>.Create((a, b) => b.CompareTo(a)));
        var total = 0;
        void Found(int village, VillageMatchKind kind, bool usual)
        {
            total++;
            var code = names.Codes[village];
            var rank = ((int)kind, _served.Contains(code / 1_000_000) ? 0 : 1, usual ? 0 : 1, names.Length(village), code);
            if (best.Count < MaxResults) best.Enqueue(village, rank);
            else best.EnqueueDequeue(village, rank);
        }
        if (text[0] is >= 'a' and <= 'z') FindPinyin(names, text, Found);
        else FindCharacters(names, text, Found);

        var matches = new List<VillageMatch>(best.Count);
        while (best.TryDequeue(out var village, out var rank)) matches.Add(Match(names, village, (VillageMatchKind)rank.Kind, rank.Served == 0));
        matches.Reverse();
        return new VillageSearchResult(text, matches, total, null);
    }

    /// <summary>The query as searched: a name without its committee suffix (史庄村委会 → 史庄村), or pinyin in lower case without spaces.</summary>
    private static (string Text, string? Problem) Read(string? query)
    {
        var trimmed = (query ?? "").Normalize(NormalizationForm.FormKC).Trim();
        // ü is typed v, as the pinyin table writes it.
        var letters = new string(trimmed.Where(c => !char.IsWhiteSpace(c) && c != '\'').Select(c => c is 'ü' or 'Ü' ? 'v' : c).ToArray());
        var isPinyin = letters.Length > 0 && letters.All(char.IsAsciiLetter);
        var text = isPinyin ? letters.ToLowerInvariant() : RegionNames.ShortVillageName(letters);
        if (text.Length == 0) return (text, $"请输入村（社区）的名称，如“史庄”或“史庄村”，也可以输入拼音（shizhuang）或拼音首字母（szc）。");
        if (!isPinyin && !text.All(c => char.IsLetterOrDigit(c) || c is '（' or '）' or '·'))
            return (text, "村名里只能有汉字、字母和数字。请只输入村名，如“史庄村”。");
        if (text.Length < MinLength) return (text, $"请至少输入 {MinLength} 个字或字母，如“史庄”或 szc：只有一个字的村名太多，列不过来。");
        if (text.Length > MaxLength) return (text[..MaxLength], TooLong);
        return (text, null);
    }

    private static readonly string TooLong = $"输入的内容太长。请只输入村名（不超过 {MaxLength} 个字），如“史庄村”，不必写省、市、县。";

    /// <summary>Every place the characters occur, found in the one string of all names and mapped back to its village.</summary>
    private static void FindCharacters(Names names, string text, Action<int, VillageMatchKind, bool> found)
    {
        var last = -1;
        for (var at = names.All.IndexOf(text, StringComparison.Ordinal); at >= 0; at = names.All.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            var village = names.VillageAt(at);
            if (village == last || at + text.Length > names.Starts[village + 1]) continue;
            last = village;
            var name = names.Name(village);
            var start = names.Starts[village];
            found(village, at > start ? VillageMatchKind.Contains
                : name.Length == text.Length || IsPlaceEnding(name[text.Length..]) ? VillageMatchKind.Exact
                : VillageMatchKind.Prefix, true);
        }
    }

    private void FindPinyin(Names names, string text, Action<int, VillageMatchKind, bool> found)
    {
        var pinyin = _pinyin.Value;
        for (var village = 0; village < names.Codes.Length; village++)
        {
            var name = names.Name(village);
            for (var first = 0; first < name.Length; first++)
            {
                if (!pinyin.MayBeginWith(name[first], text[0]) || ReadsAs(pinyin, name[first..], text) is not { } read) continue;
                found(village, first > 0 ? VillageMatchKind.Contains
                    : read.End == name.Length || IsPlaceEnding(name[read.End..]) ? VillageMatchKind.Exact
                    : VillageMatchKind.Prefix, read.Usual);
                break;
            }
        }
    }

    /// <summary>
    /// How many characters from the start of the name the letters read as, each character read in full or by the start of
    /// one of its readings (shizhuang, szc, shizc), and whether every character was read its usual way (史庄 as shizhuang,
    /// not a rare reading that makes 郝庄 shizhuang too); or null. The positions reachable in the letters are followed
    /// character by character as bits, so a polyphonic name costs no backtracking.
    /// </summary>
    private static (int End, bool Usual)? ReadsAs(PinyinReadings pinyin, ReadOnlySpan<char> name, string letters)
    {
        ulong usual = 1, any = 1, done = 1UL << letters.Length;
        for (var i = 0; i < name.Length && any != 0; i++)
        {
            var readings = pinyin.Of(name[i]);
            ulong nextUsual = 0, nextAny = 0;
            for (var r = 0; r < readings.Length; r++)
            {
                var advanced = Advance(readings[r], letters, any);
                nextAny |= advanced;
                if (r == 0) nextUsual = Advance(readings[r], letters, usual);
            }
            if ((nextAny & done) != 0) return (i + 1, (nextUsual & done) != 0);
            (usual, any) = (nextUsual, nextAny);
        }
        return null;
    }

    /// <summary>The positions in the letters reached from those given by reading one character as the start of the reading.</summary>
    private static ulong Advance(string reading, string letters, ulong from)
    {
        var reached = 0UL;
        for (var bits = from; bits != 0; bits &= bits - 1)
        {
            var at = System.Numerics.BitOperations.TrailingZeroCount(bits);
            for (var k = 0; k < reading.Length && at + k < letters.Length && letters[at + k] == reading[k]; k++)
                reached |= 1UL << (at + k + 1);
        }
        return reached;
    }

    private static bool IsPlaceEnding(ReadOnlySpan<char> rest)
    {
        foreach (var ending in PlaceEndings)
            if (rest.SequenceEqual(ending)) return true;
        return false;
    }

    private VillageMatch Match(Names names, int village, VillageMatchKind kind, bool served)
    {
        var code = names.Codes[village].ToString("D12");
        var found = _regions.Find(code)!;
        var township = _regions.Find(found.ParentCode);
        var place = township is null ? "" : string.Concat(_regions.Path(township)
            // 市辖区 and 县 are placeholders of the statistical tree, not places anyone names.
            .Where(r => r.Level != RegionLevel.City || r.Name is not ("市辖区" or "县"))
            .Select(r => r.Name));
        return new VillageMatch(found, names.Name(village).ToString(), place, kind, served);
    }

    /// <summary>All short names in one string, with where each begins and its code: three arrays instead of 620,573 objects.</summary>
    private sealed class Names
    {
        public Names(IEnumerable<Region> villages)
        {
            var all = new StringBuilder(3_000_000);
            var starts = new List<int>(650_000);
            var codes = new List<long>(650_000);
            foreach (var village in villages)
            {
                starts.Add(all.Length);
                codes.Add(long.Parse(village.Code));
                all.Append(RegionNames.ShortVillageName(village.Name));
            }
            starts.Add(all.Length);
            All = all.ToString();
            Starts = starts.ToArray();
            Codes = codes.ToArray();
        }

        public string All { get; }
        public int[] Starts { get; }
        public long[] Codes { get; }

        public ReadOnlySpan<char> Name(int village) => All.AsSpan(Starts[village], Starts[village + 1] - Starts[village]);

        public int Length(int village) => Starts[village + 1] - Starts[village];

        public int VillageAt(int position)
        {
            var i = Array.BinarySearch(Starts, position);
            return i >= 0 ? i : ~i - 1;
        }
    }
}
