namespace Portal.Core.Exhibition;

/// <summary>
/// The editor's fields of one document: the front matter as separate fields and the Markdown body. The editor fills
/// them from a version and composes a new version from them, keeping only what the kind of item uses.
/// </summary>
public sealed class ExhibitionFields
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public ExhibitKind Kind { get; set; }
    public string? Caption { get; set; }
    public string? Source { get; set; }

    /// <summary>YYYY-MM-DD; required for news, optional for exhibits.</summary>
    public string? Date { get; set; }

    public string? Category { get; set; }

    /// <summary>The code of the office a news item is published by.</summary>
    public string? Office { get; set; }

    public string? Body { get; set; }
    public List<ExhibitionMediaEntry> Media { get; set; } = [];
    public ExhibitionMediaEntry? Cover { get; set; }

    public static ExhibitionFields From(string text)
    {
        var (front, body) = ExhibitionContentReader.Parse(text, "");
        return new ExhibitionFields
        {
            Title = front.Title, Summary = front.Summary, Caption = front.Caption, Source = front.Source, Date = front.Date, Category = front.Category, Office = front.Office,
            Kind = Enum.TryParse<ExhibitKind>(front.Kind, ignoreCase: true, out var kind) ? kind : ExhibitKind.Text,
            Body = body, Media = front.Media ?? [], Cover = front.Cover,
        };
    }

    public string Compose(ExhibitionItemKind item)
    {
        var front = new ExhibitionFrontMatter { Title = Clean(Title) };
        switch (item)
        {
            case ExhibitionItemKind.Hall:
                front.Summary = Clean(Summary);
                front.Cover = Clean(Cover);
                break;
            case ExhibitionItemKind.Exhibit:
                front.Kind = Kind.ToString().ToLowerInvariant();
                front.Caption = Clean(Caption);
                front.Media = Media.Select(Clean).OfType<ExhibitionMediaEntry>().ToList();
                front.Source = Clean(Source);
                front.Date = Clean(Date);
                break;
            default:
                front.Summary = Clean(Summary);
                front.Date = Clean(Date);
                front.Category = Clean(Category);
                front.Office = Clean(Office);
                front.Cover = Clean(Cover);
                break;
        }
        return ExhibitionContentReader.Compose(front, Body ?? "");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ExhibitionMediaEntry? Clean(ExhibitionMediaEntry? media) =>
        Clean(media?.Src) is { } src ? new ExhibitionMediaEntry { Src = src, Alt = Clean(media!.Alt), Captions = Clean(media.Captions), Type = Clean(media.Type) } : null;
}
