namespace Portal.Core.Regions;

/// <summary>
/// Toneless pinyin of the CJK ideographs U+3400–U+9FFF, every reading of a polyphonic character (庄: zhuang, peng), read
/// from content/regions/pinyin.txt (<c>reading TAB characters usually read so TAB characters also read so</c>, from
/// mozillazg/pinyin-data; see SOURCE.md). ü is written v (lv) and may also be typed u (lu).
/// </summary>
public sealed class PinyinReadings
{
    private const char First = '\u3400';
    private const char Last = '\u9FFF';

    private readonly string[]?[] _readings = new string[Last - First + 1][];
    private readonly uint[] _initials = new uint[Last - First + 1];

    private PinyinReadings(IEnumerable<(string Reading, string Usually, string Also)> table)
    {
        var lists = new List<string>?[_readings.Length];
        void Add(char c, string reading, bool first)
        {
            if (c is < First or > Last) return;
            var list = lists[c - First] ??= [];
            list.Insert(first ? 0 : list.Count, reading);
            if (reading.Contains('v')) list.Add(reading.Replace('v', 'u'));
        }
        foreach (var (reading, usually, also) in table)
        {
            foreach (var c in usually) Add(c, reading, first: true);
            foreach (var c in also) Add(c, reading, first: false);
        }
        for (var i = 0; i < lists.Length; i++)
        {
            if (lists[i] is not { } list) continue;
            _readings[i] = list.Distinct().ToArray();
            foreach (var reading in _readings[i]!) _initials[i] |= Bit(reading[0]);
        }
    }

    public static PinyinReadings Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"缺少拼音文件：{path}", path);
        return new PinyinReadings(File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t') is [var reading, var usually, var also] ? (reading, usually, also)
                : throw new InvalidDataException($"拼音文件 {path} 的行“{line}”不是“拼音<TAB>常读此音的字<TAB>也读此音的字”。")));
    }

    /// <summary>
    /// The readings of a character, the most common first (as the source orders them); none for one outside the table
    /// (digits, Latin letters, rare ideographs). An array, not a list: searches walk it for every character of every village.
    /// </summary>
    public string[] Of(char c) => c is >= First and <= Last && _readings[c - First] is { } readings ? readings : [];

    /// <summary>Whether some reading of the character begins with the letter: the quick test before matching a whole syllable.</summary>
    public bool MayBeginWith(char c, char letter) => c is >= First and <= Last && (_initials[c - First] & Bit(letter)) != 0;

    private static uint Bit(char letter) => letter is >= 'a' and <= 'z' ? 1u << (letter - 'a') : 0;
}
