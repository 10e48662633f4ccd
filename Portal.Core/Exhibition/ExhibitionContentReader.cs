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

    public static (IReadOnlyList<Hall> Halls, IReadOnlyList<NewsArticle> News) Read(string root)
    {
        var halls = new List<Hall>();
        var hallsFolder = Path.Combine(root, "halls");
        if (Directory.Exists(hallsFolder))
            foreach (var folder in Directory.GetDirectories(hallsFolder).Order(StringComparer.Ordinal))
                halls.Add(ReadHall(folder, Path.Combine(root, "media")));
        var news = new List<NewsArticle>();
        var newsFolder = Path.Combine(root, "news");
        if (Directory.Exists(newsFolder))
            foreach (var file in Directory.GetFiles(newsFolder, "*.md"))
                news.Add(ReadArticle(file, Path.Combine(root, "media")));
        return (halls, news.OrderByDescending(n => n.Date).ThenBy(n => n.Id, StringComparer.Ordinal).ToList());
    }

    private static Hall ReadHall(string folder, string media)
    {
        var (order, slug) = Ordered(Path.GetFileName(folder), folder);
        var hallFile = Path.Combine(folder, "hall.md");
        var (front, body) = Split(hallFile);
        var exhibits = Directory.GetFiles(folder, "*.md")
            .Where(f => Path.GetFileName(f) != "hall.md")
            .Order(StringComparer.Ordinal)
            .Select(f => ReadExhibit(f, slug, media))
            .ToList();
        return new Hall(slug, order, Required(front.Title, "title", hallFile), Required(front.Summary, "summary", hallFile),
            SafeMarkdown.ToHtml(body), Cover(front.Cover, media, hallFile), exhibits);
    }

    private static Exhibit ReadExhibit(string file, string hallSlug, string media)
    {
        var (order, slug) = Ordered(Path.GetFileNameWithoutExtension(file), file);
        var (front, body) = Split(file);
        if (!Enum.TryParse<ExhibitKind>(front.Kind, ignoreCase: true, out var kind))
            throw Problem(file, $"kind 应为 text、image、series、audio 或 video（现在是“{front.Kind}”）");
        var items = (front.Media ?? []).Select(m => Media(m, media, file)).ToList();
        if (kind is ExhibitKind.Audio or ExhibitKind.Video && items.Any(m => m.Captions is null))
            throw Problem(file, "音频和视频必须有 captions（WebVTT 字幕文件）");
        if (kind != ExhibitKind.Text && items.Count == 0) throw Problem(file, "除文字展品外，必须有 media");
        return new Exhibit($"{hallSlug}/{slug}", hallSlug, order, kind, Required(front.Title, "title", file), front.Caption, items,
            SafeMarkdown.ToHtml(body), front.Source, Date(front.Date, file, required: false));
    }

    private static NewsArticle ReadArticle(string file, string media)
    {
        var (front, body) = Split(file);
        var category = front.Category ?? NewsCategories.News;
        if (!NewsCategories.All.Contains(category)) throw Problem(file, $"category 应为 {string.Join(" 或 ", NewsCategories.All)}");
        return new NewsArticle(Path.GetFileNameWithoutExtension(file), Required(front.Title, "title", file), Required(front.Summary, "summary", file),
            SafeMarkdown.ToHtml(body), Date(front.Date, file, required: true)!.Value, category, Cover(front.Cover, media, file));
    }

    private static (FrontMatter Front, string Body) Split(string file)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) throw Problem(file, "缺少开头的 --- 前言（YAML front matter）");
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0) throw Problem(file, "前言没有以 --- 结束");
        try
        {
            var front = Yaml.Deserialize<FrontMatter>(text[4..end]) ?? new FrontMatter();
            var bodyStart = text.IndexOf('\n', end + 4);
            return (front, bodyStart < 0 ? "" : text[(bodyStart + 1)..]);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Problem(file, $"前言不是有效的 YAML（第 {e.Start.Line} 行：{e.Message}）");
        }
    }

    private static MediaItem? Cover(MediaEntry? entry, string media, string file) => entry is null ? null : Media(entry, media, file);

    private static MediaItem Media(MediaEntry entry, string media, string file)
    {
        var src = Required(entry.Src, "media.src", file);
        if (src.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(src)) throw Problem(file, $"媒体路径“{src}”必须在 media 文件夹内");
        if (!File.Exists(Path.Combine(media, src))) throw Problem(file, $"找不到媒体文件 media/{src}");
        if (entry.Captions is { } captions && !File.Exists(Path.Combine(media, captions))) throw Problem(file, $"找不到字幕文件 media/{captions}");
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

    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Kind { get; set; }
        public string? Caption { get; set; }
        public List<MediaEntry>? Media { get; set; }
        public MediaEntry? Cover { get; set; }
        public string? Source { get; set; }
        public string? Date { get; set; }
        public string? Category { get; set; }
    }

    private sealed class MediaEntry
    {
        public string? Src { get; set; }
        public string? Alt { get; set; }
        public string? Captions { get; set; }
        public string? Type { get; set; }
    }
}
