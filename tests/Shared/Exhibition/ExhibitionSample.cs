namespace Portal.Tests;

/// <summary>
/// A small exhibition of the tests' own in a throw-away content folder (beside a copy of the bundled regions, funds and
/// calendar, which every host needs): three halls and their exhibits of every kind, with real tiny media (a 3-second MP3,
/// a 2-second MP4 with WebVTT captions, PNG, JPEG and SVG pictures) and 23 news items. Folder order and alphabetical
/// order differ, so a page that sorts by name shows it. Point a host at <see cref="ContentDirectory"/>.
/// </summary>
public sealed class ExhibitionSample : IDisposable
{
    /// <summary>Halls in their order: slug, title, exhibits' slugs in their order.</summary>
    public static readonly IReadOnlyList<(string Slug, string Title, string[] Exhibits)> Halls =
    [
        ("qingguan", "清官故事厅", ["kaifeng", "liangxiu", "guide", "film", "words"]),
        ("jilv", "廉洁纪律厅", ["rules", "photo"]),
        ("jubao", "举报指南厅", ["how"]),
    ];

    public const string ImageExhibit = "qingguan/kaifeng";
    public const string SeriesExhibit = "qingguan/liangxiu";
    public const string AudioExhibit = "qingguan/guide";
    public const string VideoExhibit = "qingguan/film";
    public const string TextExhibit = "qingguan/words";

    /// <summary>An exhibit whose transcript tries script, an event handler, a javascript: link and a frame, beside a table and a picture.</summary>
    public const string HostileExhibit = "jilv/rules";

    /// <summary>A news item with the same hostile body.</summary>
    public const string HostileArticle = "2025-01-22-item-22";

    public const int NewsCount = 23;

    /// <summary>The one news item of a county office, 杞县纪委监委 (<see cref="CountyOffice"/>); the others name no office and are the city's.</summary>
    public const int CountyNews = 4;

    public const string CountyOffice = "410221";

    /// <summary>Items 3, 6, … 21 are typical-case notices; the others are work news.</summary>
    public static bool IsTypicalCase(int number) => number % 3 == 0;

    public static string NewsId(int number) => $"2025-01-{number:00}-item-{number}";

    public static string NewsTitle(int number) => IsTypicalCase(number) ? $"典型案例通报第{number}号" : $"工作动态第{number}号";

    /// <summary>Everything a page must never show from <see cref="HostileMarkdown"/>.</summary>
    public static readonly string[] HostileParts = ["<script", "alert(", "onerror", "onclick", "javascript:", "<iframe", "evil.example"];

    public const string HostileMarkdown = """
        八项规定的内容如下。

        <script>alert('脚本')</script>

        <img src="/media/exhibition/jilv/wall.jpg" onerror="alert('事件')" alt="坏图片">

        [点这里领奖](javascript:alert('链接'))

        <a href="javascript:alert('链接二')" onclick="alert('点击')">另一个链接</a>

        <iframe src="https://evil.example/"></iframe>

        | 条目 | 内容 |
        | --- | --- |
        | 第一条 | 改进调查研究 |
        | 第二条 | 精简会议活动 |

        ![廉洁文化墙](/media/exhibition/jilv/wall.jpg)
        """;

    public ExhibitionSample()
    {
        ContentDirectory = Path.Combine(Path.GetTempPath(), "portal-exhibition-" + Guid.NewGuid().ToString("N")[..12]);
        CopyBundledContent(Path.Combine(AppContext.BaseDirectory, "content"), ContentDirectory);
        WriteHalls();
        WriteNews();
    }

    public string ContentDirectory { get; }
    public string ExhibitionDirectory => Path.Combine(ContentDirectory, "exhibition");
    public string MediaDirectory => Path.Combine(ExhibitionDirectory, "media");

    /// <summary>The tiny real media files shipped with the tests (tests/Shared/Exhibition/media).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "ExhibitionMedia", name);

    private static void CopyBundledContent(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("exhibition", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private void WriteHalls()
    {
        MediaText("qingguan/cover.svg", Svg(640, 360, "清官故事厅"));
        MediaFile("qingguan/kaifeng.png", "panel.png");
        for (var i = 1; i <= 3; i++) MediaText($"qingguan/panel-{i}.svg", Svg(360, 270, $"第{i}格"));
        MediaFile("qingguan/guide.mp3", "guide.mp3");
        MediaText("qingguan/guide.vtt", "WEBVTT\n\n00:00.000 --> 00:01.500\n海瑞一生清贫。\n\n00:01.500 --> 00:03.000\n他留下的只有几件旧衣。\n");
        MediaFile("qingguan/film.mp4", "film.mp4");
        MediaText("qingguan/film.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\n清官的一天，从升堂开始。\n");
        MediaFile("jilv/wall.jpg", "photo.jpg");
        MediaText("news/cover.svg", Svg(640, 360, "新闻"));

        Hall("01-qingguan", """
            title: 清官故事厅
            summary: 包拯、于谦、海瑞：三位清官的故事。
            cover: { src: qingguan/cover.svg, alt: 清官故事厅的封面，一枚朱红印章 }
            """, "走进清官的故事。**请按顺序参观。**");
        Exhibit("01-qingguan/01-kaifeng.md", """
            title: 开封府的公堂
            kind: image
            caption: 包拯知开封府时，大开正门，百姓可以直接进来申诉。
            media:
              - { src: qingguan/kaifeng.png, alt: 开封府公堂的示意图，正门敞开 }
            source: 本展厅编写
            date: 2025-03-01
            """, "包拯知开封府，打开正门，让告状的人直接到堂前陈述。");
        Exhibit("01-qingguan/02-liangxiu.md", """
            title: 两袖清风
            kind: series
            caption: 于谦进京不带礼物的故事，共三格。
            media:
              - { src: qingguan/panel-1.svg, alt: 第一格：同僚劝于谦带些土产进京 }
              - { src: qingguan/panel-2.svg, alt: 第二格：于谦举起两只衣袖 }
              - { src: qingguan/panel-3.svg, alt: 第三格：于谦空手上路 }
            """, "第一格：同僚劝他带礼物。第二格：他举起两袖。第三格：他空手上路。");
        Exhibit("01-qingguan/03-guide.md", """
            title: 海瑞的故事
            kind: audio
            caption: 语音讲解，约三秒。
            media:
              - { src: qingguan/guide.mp3, captions: qingguan/guide.vtt }
            """, "海瑞一生清贫。他留下的只有几件旧衣。");
        Exhibit("01-qingguan/04-film.md", """
            title: 清官的一天
            kind: video
            caption: 短视频，约两秒。
            media:
              - { src: qingguan/film.mp4, captions: qingguan/film.vtt }
            """, "清官的一天，从升堂开始。");
        Exhibit("01-qingguan/05-words.md", """
            title: 清官名言
            kind: text
            """, "> 公生明，廉生威。");

        Hall("02-jilv", """
            title: 廉洁纪律厅
            summary: 中央八项规定和廉洁纪律。
            cover: { src: jilv/wall.jpg, alt: 廉洁文化墙 }
            """, "纪律是带电的高压线。");
        Exhibit("02-jilv/01-rules.md", """
            title: 八项规定
            kind: text
            caption: 八项规定的主要内容。
            """, HostileMarkdown);
        Exhibit("02-jilv/02-photo.md", """
            title: 廉洁文化墙
            kind: image
            media:
              - { src: jilv/wall.jpg, alt: 村委会门口的廉洁文化墙 }
            """, "村委会门口的廉洁文化墙。");

        Hall("03-jubao", """
            title: 举报指南厅
            summary: 怎样通过 12388 反映问题。
            """, "实名、匿名均可。");
        Exhibit("03-jubao/01-how.md", """
            title: 怎样举报
            kind: text
            """, "拨打 12388，或在本网站“我要举报”。");
    }

    private void WriteNews()
    {
        for (var n = 1; n <= NewsCount; n++)
        {
            var cover = n == NewsCount ? "\ncover: { src: news/cover.svg, alt: 新闻配图 }" : n == CountyNews ? $"\noffice: \"{CountyOffice}\"" : "";
            var body = NewsId(n) == HostileArticle ? HostileMarkdown : $"第{n}号的正文。";
            Write($"news/{NewsId(n)}.md", $"""
                title: {NewsTitle(n)}
                summary: 第{n}号的摘要。
                date: 2025-01-{n:00}
                category: {(IsTypicalCase(n) ? "典型案例通报" : "工作动态")}{cover}
                """, body);
        }
    }

    private void Hall(string folder, string front, string introduction) => Write($"halls/{folder}/hall.md", front, introduction);

    private void Exhibit(string file, string front, string transcript) => Write($"halls/{file}", front, transcript);

    private void Write(string path, string front, string body)
    {
        var full = Path.Combine(ExhibitionDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, $"---\n{front}\n---\n{body}\n");
    }

    private void MediaFile(string path, string fixture) => File.Copy(Fixture(fixture), MediaPath(path));

    private void MediaText(string path, string text) => File.WriteAllText(MediaPath(path), text);

    private string MediaPath(string path)
    {
        var full = Path.Combine(MediaDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private static string Svg(int width, int height, string text) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="#f7f3ea"/><text x="20" y="60" font-size="40" fill="#b4231f">{text}</text></svg>""";

    public void Dispose()
    {
        try { Directory.Delete(ContentDirectory, recursive: true); }
        catch (IOException) { }
    }
}
