using Portal.Core.Exhibition;

namespace Portal.Core.Tests.Exhibition;

public sealed class ExhibitionContentReaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-exhibition-" + Guid.NewGuid().ToString("N")[..8]);

    public ExhibitionContentReaderTests()
    {
        Write("media/a/cover.svg", "<svg/>");
        Write("media/a/guide.mp3", "mp3");
        Write("media/a/guide.vtt", "WEBVTT");
        Write("halls/02-second/hall.md", "---\ntitle: 第二展厅\nsummary: 第二\n---\n介绍");
        Write("halls/01-first/hall.md", "---\ntitle: 第一展厅\nsummary: 清官故事\ncover: { src: a/cover.svg, alt: 封面 }\n---\n第一段\n\n第二段");
        Write("halls/01-first/10-later.md", "---\ntitle: 后一件\nkind: text\n---\n文字");
        Write("halls/01-first/02-guide.md", "---\ntitle: 语音导览\nkind: audio\ncaption: 听一听\nmedia:\n  - { src: a/guide.mp3, captions: a/guide.vtt, type: audio/mpeg }\nsource: 本站原创\ndate: 2026-11-01\n---\n导览文字稿");
        Write("halls/01-first/01-picture.md", "---\ntitle: 开封府\nkind: image\nmedia:\n  - { src: a/cover.svg, alt: 开封府大门 }\n---\n画面说明");
        Write("news/2026-11-02-case.md", "---\ntitle: 典型案例\nsummary: 通报\ndate: 2026-11-02\ncategory: 典型案例通报\n---\n正文");
        Write("news/2026-11-05-news.md", "---\ntitle: 工作动态\nsummary: 动态\ndate: 2026-11-05\n---\n正文");
        Write("news/2026-11-03-county.md", "---\ntitle: 县里的动态\nsummary: 杞县\ndate: 2026-11-03\noffice: 410221\n---\n正文");
    }

    [Fact]
    public void Halls_and_exhibits_come_in_the_order_of_their_numbers_not_of_their_names()
    {
        var content = FolderSnapshot.Of(_root);

        Assert.Equal(["first", "second"], content.Halls().Select(h => h.Slug));
        Assert.Equal(["first/picture", "first/guide", "first/later"], content.Hall("first")!.Exhibits.Select(e => e.Id));
        Assert.Equal([1, 2, 10], content.Hall("first")!.Exhibits.Select(e => e.Order));
    }

    [Fact]
    public void Front_matter_fills_the_hall_and_the_exhibit()
    {
        var content = FolderSnapshot.Of(_root);
        var hall = content.Hall("first")!;
        var guide = content.Exhibit("first/guide")!;

        Assert.Equal(("第一展厅", "清官故事", "a/cover.svg", "封面"), (hall.Title, hall.Summary, hall.Cover!.Src, hall.Cover.Alt));
        Assert.Contains("<p>第二段</p>", hall.IntroductionHtml);
        Assert.Equal((ExhibitKind.Audio, "听一听", "本站原创", new DateOnly(2026, 11, 1)), (guide.Kind, guide.Caption, guide.Source, guide.Date));
        Assert.Equal(new MediaItem("a/guide.mp3", null, "a/guide.vtt", "audio/mpeg"), Assert.Single(guide.Media));
        Assert.Equal("<p>导览文字稿</p>\n", guide.TranscriptHtml);
    }

    [Fact]
    public void News_is_newest_first_and_filters_by_category()
    {
        var content = FolderSnapshot.Of(_root);

        Assert.Equal(["2026-11-05-news", "2026-11-03-county", "2026-11-02-case"], content.News(1, 10).Items.Select(n => n.Id));
        Assert.Equal(NewsCategories.News, content.Article("2026-11-05-news")!.Category);
        Assert.Equal(["2026-11-02-case"], content.News(1, 10, NewsCategories.TypicalCase).Items.Select(n => n.Id));
        Assert.Equal((1, 3), (content.News(2, 1).Items.Count, content.News(2, 1).Total));
    }

    [Fact]
    public void A_news_items_office_is_read_from_its_front_matter_and_kept_by_the_editor()
    {
        var content = FolderSnapshot.Of(_root);
        var fields = ExhibitionFields.From(File.ReadAllText(Path.Combine(_root, "news", "2026-11-03-county.md")));

        Assert.Equal("410221", content.Article("2026-11-03-county")!.OfficeCode);
        Assert.Null(content.Article("2026-11-05-news")!.OfficeCode);
        Assert.Equal(["2026-11-03-county"], content.News(1, 10, office: "410221").Items.Select(n => n.Id));
        Assert.Equal("410221", fields.Office);
        Assert.Equal("410223", ExhibitionFields.From(new ExhibitionFields { Title = "t", Office = " 410223 " }.Compose(ExhibitionItemKind.Article)).Office);
        Assert.Null(ExhibitionFields.From(new ExhibitionFields { Title = "t", Office = "410223" }.Compose(ExhibitionItemKind.Hall)).Office);
    }

    [Theory]
    [InlineData("halls/01-first/03-bad.md", "---\ntitle: 坏\nkind: painting\n---\n", "kind 应为")]
    [InlineData("halls/01-first/03-bad.md", "---\ntitle: 坏\nkind: image\nmedia:\n  - { src: a/missing.svg, alt: 无 }\n---\n", "找不到媒体文件 media/a/missing.svg")]
    [InlineData("halls/01-first/03-bad.md", "---\ntitle: 坏\nkind: image\nmedia:\n  - { src: a/cover.svg }\n---\n", "缺少 alt")]
    [InlineData("halls/01-first/03-bad.md", "---\ntitle: 坏\nkind: video\nmedia:\n  - { src: a/guide.mp3 }\n---\n", "captions")]
    [InlineData("halls/01-first/03-bad.md", "---\ntitle: 坏\nkind: image\nmedia:\n  - { src: ../../secret, alt: x }\n---\n", "必须在 media 文件夹内")]
    [InlineData("halls/01-first/bad.md", "---\ntitle: 坏\nkind: text\n---\n", "以序号开头")]
    [InlineData("halls/01-first/03-bad.md", "title: 没有前言", "缺少开头的 ---")]
    [InlineData("halls/01-first/03-bad.md", "---\ntitle: [未闭合\n---\n", "不是有效的 YAML")]
    [InlineData("news/2026-11-09-bad.md", "---\ntitle: 坏\nsummary: s\ndate: 2026/11/09\n---\n", "应为 YYYY-MM-DD")]
    public void A_file_that_does_not_fit_names_itself_and_the_problem(string path, string text, string expected)
    {
        Write(path, text);

        var error = Assert.Throws<InvalidDataException>(() => FolderSnapshot.Of(_root));

        Assert.Contains(Path.Combine(_root, path), error.Message);
        Assert.Contains(expected, error.Message);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

public sealed class BundledExhibitionTests
{
    [Fact]
    public void The_bundled_exhibition_loads_with_three_halls_of_five_or_more_exhibits_and_every_kind()
    {
        var content = FolderSnapshot.Of(Path.Combine(AppContext.BaseDirectory, "content", "exhibition"));
        var exhibits = content.Halls().SelectMany(h => h.Exhibits).ToList();

        Assert.True(content.Halls().Count >= 3);
        Assert.All(content.Halls(), h => Assert.True(h.Exhibits.Count >= 5, h.Slug));
        Assert.Equal(Enum.GetValues<ExhibitKind>().ToHashSet(), exhibits.Select(e => e.Kind).ToHashSet());
        Assert.All(exhibits.Where(e => e.Kind is ExhibitKind.Audio or ExhibitKind.Video).SelectMany(e => e.Media), m => Assert.NotNull(m.Captions));
        Assert.True(content.News(1, 100, NewsCategories.TypicalCase).Total >= 2);
    }
}
