using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Portal.Core.Exhibition;

/// <summary>
/// Reads the exhibition from content/exhibition: <c>halls/NN-slug/hall.md</c> and its <c>NN-slug.md</c>
/// exhibits, <c>news/YYYY-MM-DD-slug.md</c>, each Markdown with YAML front matter. The NN prefixes give
/// the order. A file that does not parse stops the load with its path and the reason.
/// </summary>
public static class ExhibitionContentReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly ISerializer YamlWriter = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    public static (IReadOnlyList<Hall> Halls, IReadOnlyList<NewsArticle> News) Read(string root)
    {
        var media = Path.Combine(root, "media");
        return Build(ReadSources(root), src => File.Exists(Path.Combine(media, src)));
    }

    /// <summary>Every document in the folder, as written, with the key and order its path gives.</summary>
    public static IReadOnlyList<ExhibitionSource> ReadSources(string root)
    {
        var sources = new List<ExhibitionSource>();
        var hallsFolder = Path.Combine(root, "halls");
        if (Directory.Exists(hallsFolder))
            foreach (var folder in Directory.GetDirectories(hallsFolder).Order(StringComparer.Ordinal))
            {
                var (order, slug) = Ordered(Path.GetFileName(folder), folder);
                var hallFile = Path.Combine(folder, "hall.md");
                sources.Add(new ExhibitionSource(ExhibitionItemKind.Hall, slug, order, ReadText(hallFile), hallFile));
                foreach (var file in Directory.GetFiles(folder, "*.md").Where(f => Path.GetFileName(f) != "hall.md").Order(StringComparer.Ordinal))
                {
                    var (exhibitOrder, exhibitSlug) = Ordered(Path.GetFileNameWithoutExtension(file), file);
                    sources.Add(new ExhibitionSource(ExhibitionItemKind.Exhibit, $"{slug}/{exhibitSlug}", exhibitOrder, ReadText(file), file));
                }
            }
        var newsFolder = Path.Combine(root, "news");
        if (Directory.Exists(newsFolder))
            foreach (var file in Directory.GetFiles(newsFolder, "*.md").Order(StringComparer.Ordinal))
                sources.Add(new ExhibitionSource(ExhibitionItemKind.Article, Path.GetFileNameWithoutExtension(file), 0, ReadText(file), file));
        return sources;
    }

    /// <summary>
    /// The halls in order, each with its exhibits in order, and the news newest first. An exhibit whose hall is not
    /// among the sources is left out (its hall is not published). A document that does not fit stops the build with
    /// its <see cref="ExhibitionSource.Where"/> and the reason.
    /// </summary>
    public static (IReadOnlyList<Hall> Halls, IReadOnlyList<NewsArticle> News) Build(IEnumerable<ExhibitionSource> sources, Func<string, bool> mediaExists)
    {
        var all = sources.ToList();
        var exhibits = all.Where(s => s.Kind == ExhibitionItemKind.Exhibit)
            .Select(s => ReadExhibit(s, mediaExists))
            .ToLookup(e => e.HallSlug);
        var halls = all.Where(s => s.Kind == ExhibitionItemKind.Hall)
            .OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => ReadHall(s, exhibits[s.Key].OrderBy(e => e.Order).ThenBy(e => e.Id, StringComparer.Ordinal).ToList(), mediaExists))
            .ToList();
        var news = all.Where(s => s.Kind == ExhibitionItemKind.Article).Select(s => ReadArticle(s, mediaExists))
            .OrderByDescending(n => n.Date).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        return (halls, news);
    }

    /// <summary>Checks one document as it would be published, and gives the media it refers to (their existence is the caller's to check).</summary>
    public static IReadOnlyList<string> Check(ExhibitionSource source)
    {
        var media = new List<string>();
        bool Collect(string src)
        {
            media.Add(src);
            return true;
        }
        switch (source.Kind)
        {
            case ExhibitionItemKind.Hall: ReadHall(source, [], Collect); break;
            case ExhibitionItemKind.Exhibit: ReadExhibit(source, Collect); break;
            default: ReadArticle(source, Collect); break;
        }
        return media;
    }

    /// <summary>A document in the form of content/exhibition: front matter between --- lines, then the Markdown body.</summary>
    public static string Compose(ExhibitionFrontMatter front, string body) =>
        "---\n" + YamlWriter.Serialize(front) + "---\n" + body.Replace("\r\n", "\n").Trim('\n') + "\n";

    /// <summary>The front matter and the Markdown body of a document, for the editor.</summary>
    public static (ExhibitionFrontMatter Front, string Body) Parse(string text, string where) => Split(text, where);

    private static string ReadText(string file) => File.Exists(file) ? File.ReadAllText(file) : throw Problem(file, "缺少这个文件");

    private static Hall ReadHall(ExhibitionSource source, IReadOnlyList<Exhibit> exhibits, Func<string, bool> mediaExists)
    {
        var (front, body) = Split(source.Text, source.Where);
        return new Hall(source.Key, source.Order, Required(front.Title, "title", source.Where), Required(front.Summary, "summary", source.Where),
            SafeMarkdown.ToHtml(body), Cover(front.Cover, mediaExists, source.Where), exhibits);
    }

    private static Exhibit ReadExhibit(ExhibitionSource source, Func<string, bool> mediaExists)
    {
        var file = source.Where;
        var (front, body) = Split(source.Text, file);
        if (!Enum.TryParse<ExhibitKind>(front.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            throw Problem(file, $"kind 应为 text、image、series、audio 或 video（现在是“{front.Kind}”）");
        var items = (front.Media ?? []).Select(m => Media(m, mediaExists, file)).ToList();
        if (kind is ExhibitKind.Audio or ExhibitKind.Video && items.Any(m => m.Captions is null))
            throw Problem(file, "音频和视频必须有 captions（WebVTT 字幕文件）");
        if (kind != ExhibitKind.Text && items.Count == 0) throw Problem(file, "除文字展品外，必须有 media");
        var slash = source.Key.IndexOf('/');
        return new Exhibit(source.Key, source.Key[..slash], source.Order, kind, Required(front.Title, "title", file), front.Caption, items,
            SafeMarkdown.ToHtml(body), front.Source, Date(front.Date, file, required: false));
    }

    private static NewsArticle ReadArticle(ExhibitionSource source, Func<string, bool> mediaExists)
    {
        var file = source.Where;
        var (front, body) = Split(source.Text, file);
        var category = front.Category ?? NewsCategories.News;
        if (!NewsCategories.All.Contains(category)) throw Problem(file, $"category 应为 {string.Join(" 或 ", NewsCategories.All)}");
        return new NewsArticle(source.Key, Required(front.Title, "title", file), Required(front.Summary, "summary", file),
            SafeMarkdown.ToHtml(body), Date(front.Date, file, required: true)!.Value, category, Cover(front.Cover, mediaExists, file),
            string.IsNullOrWhiteSpace(front.Office) ? null : front.Office.Trim());
    }

    private static (ExhibitionFrontMatter Front, string Body) Split(string text, string file)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) throw Problem(file, "缺少开头的 --- 前言（YAML front matter）");
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0) throw Problem(file, "前言没有以 --- 结束");
        try
        {
            var front = Yaml.Deserialize<ExhibitionFrontMatter>(text[4..end]) ?? new ExhibitionFrontMatter();
            var bodyStart = text.IndexOf('\n', end + 4);
            return (front, bodyStart < 0 ? "" : text[(bodyStart + 1)..]);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Problem(file, $"前言不是有效的 YAML（第 {e.Start.Line} 行：{e.Message}）");
        }
    }

    private static MediaItem? Cover(ExhibitionMediaEntry? entry, Func<string, bool> mediaExists, string file) =>
        entry is null ? null : Media(entry, mediaExists, file);

    private static MediaItem Media(ExhibitionMediaEntry entry, Func<string, bool> mediaExists, string file)
    {
        var src = Required(entry.Src, "media.src", file);
        if (!ExhibitionMedia.IsInside(src)) throw Problem(file, $"媒体路径“{src}”必须在 media 文件夹内");
        if (!mediaExists(src)) throw Problem(file, $"找不到媒体文件 media/{src}");
        if (entry.Captions is { } captions && (!ExhibitionMedia.IsInside(captions) || !mediaExists(captions)))
            throw Problem(file, $"找不到字幕文件 media/{captions}");
        var type = entry.Type ?? ContentTypeOf(src);
        if (type.StartsWith("image/", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(entry.Alt)) throw Problem(file, $"图片 {src} 缺少 alt（替代文字）");
        return new MediaItem(src, entry.Alt, entry.Captions, type);
    }

    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".svg" => "image/svg+xml", ".png" => "image/png", ".jpg" or ".jpeg" => "image/jpeg", ".webp" => "image/webp",
        ".mp3" => "audio/mpeg", ".mp4" => "video/mp4", ".vtt" => "text/vtt", _ => "application/octet-stream",
    };

    private static (int Order, string Slug) Ordered(string name, string path)
    {
        var dash = name.IndexOf('-');
        if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            throw Problem(path, "文件或文件夹名应以序号开头，如 01-baozheng");
        return (order, name[(dash + 1)..]);
    }

    private static DateOnly? Date(string? text, string file, bool required)
    {
        if (string.IsNullOrWhiteSpace(text)) return required ? throw Problem(file, "缺少 date（YYYY-MM-DD）") : null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw Problem(file, $"date“{text}”应为 YYYY-MM-DD");
    }

    private static string Required(string? value, string field, string file) =>
        string.IsNullOrWhiteSpace(value) ? throw Problem(file, $"缺少 {field}") : value.Trim();

    private static InvalidDataException Problem(string file, string reason) => new($"{file}：{reason}");
}

/// <summary>Which kind of document: a hall's introduction, an exhibit, or a news item.</summary>
public enum ExhibitionItemKind { Hall, Exhibit, Article }

/// <summary>
/// One document of the exhibition as written: a file of content/exhibition or a version in the database.
/// The key is a hall's slug, <c>hall/exhibit</c>, or a news item's id; <see cref="Where"/> names it in error messages.
/// </summary>
public sealed record ExhibitionSource(ExhibitionItemKind Kind, string Key, int Order, string Text, string Where);

/// <summary>The YAML front matter of a document.</summary>
public sealed class ExhibitionFrontMatter
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Kind { get; set; }
    public string? Caption { get; set; }
    public List<ExhibitionMediaEntry>? Media { get; set; }
    public ExhibitionMediaEntry? Cover { get; set; }
    public string? Source { get; set; }
    public string? Date { get; set; }
    public string? Category { get; set; }

    /// <summary>A news item's office (<see cref="Offices.Office.Code"/>); without it the item is the top office's.</summary>
    public string? Office { get; set; }
}

public sealed class ExhibitionMediaEntry
{
    public string? Src { get; set; }
    public string? Alt { get; set; }
    public string? Captions { get; set; }
    public string? Type { get; set; }
}
