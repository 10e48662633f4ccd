namespace Portal.Api.Tests.Exhibition;

/// <summary>
/// A content folder of the tests' own, so they do not depend on the bundled exhibition's texts: the fund
/// catalogue and regions copied beside an exhibition of two halls (every kind of exhibit, with placeholder
/// media files: the API only links to them) and thirteen news items, 11 工作动态 and 2 典型案例通报.
/// Markdown in one hall, one exhibit and one article carries script, an event handler, a javascript: link
/// and an iframe, which must never reach an answer.
/// </summary>
public sealed class ExhibitionSample : IDisposable
{
    public const string Attack = """
        <script>alert('script')</script>

        <img src="https://example.org/x.png" alt="x" onerror="alert('onerror')">

        [点这里](javascript:alert('link'))

        <iframe src="https://evil.example/frame"></iframe>
        """;

    /// <summary>Words of <see cref="Attack"/> that only survive if sanitizing failed.</summary>
    public static readonly string[] Forbidden = ["<script", "alert(", "onerror", "javascript:", "<iframe", "evil.example"];

    public const int NewsCount = 11;
    public const int CaseCount = 2;

    /// <summary>The one news item of a county office (杞县纪委监委); the others name no office and are the city's.</summary>
    public const string CountyArticle = "2026-01-10-case-subsidy";

    public ExhibitionSample(string firstExhibitTitle = "包拯：铁面无私")
    {
        Root = Path.Combine(Path.GetTempPath(), "portal-exhibition-" + Guid.NewGuid().ToString("N")[..12]);
        Copy(Path.Combine(AppContext.BaseDirectory, "content"), Root);
        var exhibition = Path.Combine(Root, "exhibition");
        if (Directory.Exists(exhibition)) Directory.Delete(exhibition, recursive: true);

        foreach (var media in new[]
                 {
                     "covers/officials.svg", "covers/rules.svg", "covers/case.svg", "baozheng/kaifeng-fu.svg",
                     "yuqian/panel-1.svg", "yuqian/panel-2.svg", "yuqian/panel-3.svg",
                     "guide/haerui.mp3", "guide/haerui.vtt", "rules/12388.mp4", "rules/12388.vtt",
                 })
            Write($"media/{media}", media.EndsWith(".svg") ? "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" : media.EndsWith(".vtt") ? "WEBVTT\n" : "placeholder");

        Write("halls/01-honest-officials/hall.md", $$"""
            ---
            title: 古代清官
            summary: 包拯、于谦、海瑞的故事。
            cover: {src: covers/officials.svg, alt: 三位清官的画像}
            ---
            ## 导语

            清廉自守，古今同理。

            {{Attack}}
            """);
        Write("halls/01-honest-officials/01-baozheng.md", $$"""
            ---
            title: {{firstExhibitTitle}}
            kind: image
            caption: 开封府大堂
            media:
              - {src: baozheng/kaifeng-fu.svg, alt: 开封府大堂的示意图}
            source: 本馆编写
            date: 2026-01-15
            ---
            包拯在开封府任上，执法不避权贵。

            {{Attack}}
            """);
        Write("halls/01-honest-officials/02-yuqian.md", """
            ---
            title: 于谦：两袖清风
            kind: series
            caption: 连环画三格
            media:
              - {src: yuqian/panel-1.svg, alt: 第一格：于谦进京}
              - {src: yuqian/panel-2.svg, alt: 第二格：两袖清风}
              - {src: yuqian/panel-3.svg, alt: 第三格：百姓称颂}
            ---
            第一格，于谦进京……
            """);
        Write("halls/01-honest-officials/03-haerui.md", """
            ---
            title: 海瑞：语音导览
            kind: audio
            media:
              - {src: guide/haerui.mp3, alt: 海瑞的故事（约两分钟）, captions: guide/haerui.vtt}
            ---
            解说词：海瑞一生清贫……
            """);
        Write("halls/01-honest-officials/04-afterword.md", """
            ---
            title: 结语
            kind: text
            ---
            以史为镜，可以知兴替。
            """);
        Write("halls/02-rules/hall.md", """
            ---
            title: 廉洁纪律
            summary: 纪律规定和 12388 举报方式。
            cover: {src: covers/rules.svg, alt: 纪律条文}
            ---
            了解规矩，守住底线。
            """);
        Write("halls/02-rules/01-eight-rules.md", """
            ---
            title: 中央八项规定
            kind: text
            ---
            改进调查研究……
            """);
        Write("halls/02-rules/02-report.md", """
            ---
            title: 怎样通过 12388 举报
            kind: video
            media:
              - {src: rules/12388.mp4, alt: 举报流程短片, captions: rules/12388.vtt}
            ---
            短片文字稿：拨打 12388……
            """);

        var first = new DateOnly(2026, 3, 1);
        for (var i = 0; i < NewsCount; i++)
        {
            var date = first.AddDays(i);
            Write($"news/{date:yyyy-MM-dd}-news-{i + 1:00}.md", $"""
                ---
                title: 工作动态第 {i + 1} 条
                summary: 第 {i + 1} 条工作动态的摘要。
                date: {date:yyyy-MM-dd}
                category: 工作动态
                ---
                正文 {i + 1}。
                """);
        }
        Write("news/2026-02-01-case-canteen.md", $$"""
            ---
            title: 关于三起违规吃喝问题的通报
            summary: 典型案例通报。
            date: 2026-02-01
            category: 典型案例通报
            cover: {src: covers/case.svg, alt: 通报的封面}
            ---
            | 单位 | 问题 | 处理 |
            | --- | --- | --- |
            | 某乡 | 公款吃喝 | 党内警告 |

            {{Attack}}
            """);
        Write("news/2026-01-10-case-subsidy.md", """
            ---
            title: 关于一起截留惠民资金问题的通报
            summary: 典型案例通报。
            date: 2026-01-10
            category: 典型案例通报
            office: "410221"
            ---
            某村会计截留补贴……
            """);
    }

    /// <summary>Set as <c>Portal:ContentDirectory</c>; the exhibition is its <c>exhibition</c> folder.</summary>
    public string Root { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, "exhibition", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
