using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Exhibition;
using Portal.Core.Staff;
using Portal.Core.Tests.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Exhibition;

/// <summary>
/// The press office's workflow as its officers and the public see it, over the bundled exhibition seeded into a fresh
/// database: on the embedded defaults (SQLite, blob folder) and on PostgreSQL with Azurite.
/// </summary>
public abstract class PublishingBehaviour : IAsyncLifetime
{
    protected const string Hall = "honest-officials";
    protected const string City = "4102";
    protected const string Qixian = "410221";
    protected const string Weishi = "410223";
    protected ReportsHarness Harness { get; private set; } = null!;
    protected StaffActor Officer { get; private set; } = null!;
    protected StaffActor Reviewer { get; private set; } = null!;

    protected abstract Task<ReportsHarness> StartAsync();

    public async Task InitializeAsync()
    {
        Harness = await StartAsync();
        await Public.RefreshAsync();
        // The exhibition is city-wide: its officers are the city office's.
        Officer = await Harness.StaffAsync("officer", StaffRoles.Press, City);
        Reviewer = await Harness.StaffAsync("reviewer", StaffRoles.Press, City);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    private PublishedExhibition Public => Harness.Services.GetRequiredService<PublishedExhibition>();

    protected Task<T> Publishing<T>(Func<ExhibitionPublishing, Task<T>> work) => Harness.With(sp => work(sp.GetRequiredService<ExhibitionPublishing>()));

    protected Task Publishing(Func<ExhibitionPublishing, Task> work) => Harness.With(async sp =>
    {
        await work(sp.GetRequiredService<ExhibitionPublishing>());
        return 0;
    });

    protected Task<ExhibitionItem> ItemAsync(Guid id) => Publishing(p => p.FindAsync(Officer, id)!)!;

    protected static string ExhibitText(string title, string body = "展品的文字稿。") =>
        new ExhibitionFields { Title = title, Kind = ExhibitKind.Text, Body = body }.Compose(ExhibitionItemKind.Exhibit);

    protected static string ArticleText(string title, string? office) => new ExhibitionFields
    {
        Title = title, Summary = title + "的摘要", Date = "2026-12-01", Category = NewsCategories.News, Office = office, Body = "正文。",
    }.Compose(ExhibitionItemKind.Article);

    private async Task<ExhibitionItem> CreateExhibitAsync(string slug = "new-exhibit", string title = "新展品")
    {
        var item = await Publishing(p => p.CreateAsync(Officer, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/{slug}", 50, ExhibitText(title))));
        return await ItemAsync(item.Id);
    }

    private async Task<ExhibitionItem> PublishNewExhibitAsync(string slug = "new-exhibit", string title = "新展品")
    {
        var item = await CreateExhibitAsync(slug, title);
        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision));
        item = await ItemAsync(item.Id);
        await Publishing(p => p.ApproveAsync(Reviewer, item.Id, item.Revision));
        return await ItemAsync(item.Id);
    }

    [Fact]
    public virtual async Task The_bundled_exhibition_is_seeded_once_as_published_version_one()
    {
        var rows = await Publishing(p => p.OverviewAsync(Officer));

        Assert.Equal(3, rows.Count(r => r.Item.Kind == ExhibitionItemKind.Hall));
        Assert.All(rows, r => Assert.Equal((PublishingStage.Published, 1, 1), (r.Item.Stage, r.Item.LatestVersion, r.Item.LiveVersion)));
        Assert.Equal(3, Public.Halls().Count);
        Assert.NotNull(Public.Hall(Hall));

        var seededAgain = await Harness.With(sp => ExhibitionSeeding.SeedAsync(sp.GetRequiredService<PortalDb>(),
            Path.Combine(AppContext.BaseDirectory, "content", "exhibition"), sp.GetRequiredService<ExhibitionMediaStore>(), DateTime.UtcNow));
        Assert.Equal(0, seededAgain);
    }

    [Fact]
    public virtual async Task A_new_exhibit_goes_public_only_when_a_second_pressOfficer_approves_it()
    {
        var item = await CreateExhibitAsync();
        Assert.Null(Public.Exhibit($"{Hall}/new-exhibit"));

        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision));
        item = await ItemAsync(item.Id);
        Assert.Equal(PublishingStage.Submitted, item.Stage);
        Assert.Null(Public.Exhibit($"{Hall}/new-exhibit"));

        var own = await Assert.ThrowsAsync<PublishingRefusedException>(() => Publishing(p => p.ApproveAsync(Officer, item.Id, item.Revision)));
        Assert.Contains("另一位宣传人员", own.Message);

        await Publishing(p => p.ApproveAsync(Reviewer, item.Id, item.Revision));

        var published = Public.Exhibit($"{Hall}/new-exhibit");
        Assert.Equal("新展品", published?.Title);
        Assert.Equal($"{Hall}/new-exhibit", Public.Hall(Hall)!.Exhibits[^1].Id);
        Assert.Equal((PublishingStage.Published, 1), ((await ItemAsync(item.Id)).Stage, (await ItemAsync(item.Id)).LiveVersion));
    }

    [Fact]
    public virtual async Task An_edit_of_a_published_exhibit_stays_private_until_it_is_approved()
    {
        var item = await PublishNewExhibitAsync();

        await Publishing(p => p.SaveAsync(Officer, item.Id, item.Revision, 50, ExhibitText("改过的标题")));
        item = await ItemAsync(item.Id);

        Assert.Equal((PublishingStage.Draft, 2, 1), (item.Stage, item.LatestVersion, item.LiveVersion));
        Assert.Equal("新展品", Public.Exhibit($"{Hall}/new-exhibit")!.Title);
        var version = Public.Version;

        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision));
        item = await ItemAsync(item.Id);
        Assert.Equal(version, Public.Version);
        await Publishing(p => p.ApproveAsync(Reviewer, item.Id, item.Revision));

        Assert.Equal("改过的标题", Public.Exhibit($"{Hall}/new-exhibit")!.Title);
        // The ETags of the API change exactly when what is public changes.
        Assert.NotEqual(version, Public.Version);
    }

    [Fact]
    public virtual async Task Taking_an_exhibit_down_removes_it_at_once_and_keeps_every_version()
    {
        var item = await PublishNewExhibitAsync();

        await Publishing(p => p.UnpublishAsync(Officer, item.Id, item.Revision));

        Assert.Null(Public.Exhibit($"{Hall}/new-exhibit"));
        Assert.DoesNotContain(Public.Hall(Hall)!.Exhibits, e => e.Id == $"{Hall}/new-exhibit");
        item = await ItemAsync(item.Id);
        Assert.Equal((PublishingStage.Unpublished, null), (item.Stage, item.LiveVersion));
        Assert.Single(item.Versions);
    }

    [Fact]
    public virtual async Task An_earlier_version_comes_back_as_a_new_draft_that_needs_review_again()
    {
        var item = await PublishNewExhibitAsync(title: "第一稿");
        await Publishing(p => p.SaveAsync(Officer, item.Id, item.Revision, 50, ExhibitText("第二稿")));
        item = await ItemAsync(item.Id);

        await Publishing(p => p.RestoreAsync(Officer, item.Id, item.Revision, 1));
        item = await ItemAsync(item.Id);

        Assert.Equal([3, 2, 1], item.Versions.Select(v => v.Number));
        Assert.Equal(item.Versions[^1].Text, item.Versions[0].Text);
        Assert.Equal("恢复自第 1 版", item.Versions[0].Note);
        Assert.Equal((PublishingStage.Draft, 1), (item.Stage, item.LiveVersion));
    }

    [Fact]
    public virtual async Task A_scheduled_exhibit_goes_public_when_its_time_comes_and_only_once()
    {
        var item = await CreateExhibitAsync();
        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision));
        item = await ItemAsync(item.Id);
        var at = Harness.Clock.GetUtcNow().UtcDateTime.AddHours(2);

        await Publishing(p => p.ApproveAsync(Reviewer, item.Id, item.Revision, at));

        Assert.Equal((PublishingStage.Scheduled, at), ((await ItemAsync(item.Id)).Stage, (await ItemAsync(item.Id)).PublishAt));
        Assert.Equal(0, await Publishing(p => p.PublishDueAsync()));
        Assert.Null(Public.Exhibit($"{Hall}/new-exhibit"));

        Harness.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await Publishing(p => p.PublishDueAsync()));
        Assert.NotNull(Public.Exhibit($"{Hall}/new-exhibit"));
        Assert.Equal(0, await Publishing(p => p.PublishDueAsync()));
    }

    [Fact]
    public virtual async Task Publishing_evicts_exactly_the_pages_that_show_what_changed()
    {
        var item = await CreateExhibitAsync();
        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision));
        item = await ItemAsync(item.Id);
        var tagsOnPublish = await Harness.With(async sp =>
        {
            await sp.GetRequiredService<ExhibitionPublishing>().ApproveAsync(Reviewer, item.Id, item.Revision);
            return ExhibitionCacheTags.ToEvict(new Dictionary<LiveKey, int>(), new Dictionary<LiveKey, int> { [new(ExhibitionItemKind.Exhibit, item.Key)] = 1 });
        });

        Assert.Equal(new HashSet<string> { ExhibitionCacheTags.Hall(Hall), ExhibitionCacheTags.HallList }, tagsOnPublish);
        Assert.Equal(new HashSet<string> { ExhibitionCacheTags.Hall(Hall) }, ExhibitionCacheTags.ToEvict(
            new Dictionary<LiveKey, int> { [new(ExhibitionItemKind.Exhibit, item.Key)] = 1 },
            new Dictionary<LiveKey, int> { [new(ExhibitionItemKind.Exhibit, item.Key)] = 2 }));
        Assert.Equal(new HashSet<string> { ExhibitionCacheTags.News }, ExhibitionCacheTags.ToEvict(
            new Dictionary<LiveKey, int>(), new Dictionary<LiveKey, int> { [new(ExhibitionItemKind.Article, "2026-11-01-a")] = 1 }));
        // Nothing changed: nothing to evict, and the version (the API's ETag) stays.
        var version = Public.Version;
        Assert.Empty(await Public.RefreshAsync());
        Assert.Equal(version, Public.Version);
    }

    [Fact]
    public virtual async Task Two_officers_editing_at_once_cannot_overwrite_each_other_unseen()
    {
        var item = await CreateExhibitAsync();
        await Publishing(p => p.SaveAsync(Officer, item.Id, item.Revision, 50, ExhibitText("甲的修改")));

        var error = await Assert.ThrowsAsync<PublishingRefusedException>(() =>
            Publishing(p => p.SaveAsync(Reviewer, item.Id, item.Revision, 50, ExhibitText("乙的修改"))));

        Assert.Contains("刚被其他人改过", error.Message);
        Assert.Equal(2, (await ItemAsync(item.Id)).LatestVersion);
    }

    [Fact]
    public virtual async Task Only_pressOfficers_may_edit_or_publish()
    {
        var handler = await Harness.StaffAsync("handler", StaffRoles.Handler | StaffRoles.Admin);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Publishing(p => p.OverviewAsync(handler)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Publishing(p => p.CreateAsync(handler, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/x", 1, ExhibitText("x")))));
    }

    [Fact]
    public virtual async Task A_county_officers_news_goes_public_under_the_county_and_never_for_another_county_or_the_city()
    {
        var qixian = await Harness.StaffAsync("qixian.press", StaffRoles.Press, Qixian);
        var qixianReviewer = await Harness.StaffAsync("qixian.review", StaffRoles.Press, Qixian);
        var weishi = await Harness.StaffAsync("weishi.press", StaffRoles.Press, Weishi);

        foreach (var elsewhere in new string?[] { Weishi, City, null })
        {
            var refused = await Assert.ThrowsAsync<PublishingRefusedException>(() => Publishing(p =>
                p.CreateAsync(qixian, new NewExhibitionItem(ExhibitionItemKind.Article, "2026-12-01-not-ours", 0, ArticleText("别人的新闻", elsewhere)))));
            Assert.StartsWith("你是杞县纪委监委的宣传人员", refused.Message);
        }
        var hall = await Assert.ThrowsAsync<PublishingRefusedException>(() => Publishing(p =>
            p.CreateAsync(qixian, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/county", 1, ExhibitText("县里的展品")))));
        Assert.Contains("由开封市纪委监委的宣传人员编辑", hall.Message);

        var item = await Publishing(p => p.CreateAsync(qixian, new NewExhibitionItem(ExhibitionItemKind.Article, "2026-12-01-qixian", 0, ArticleText("杞县的新闻", Qixian))));
        var moved = await Assert.ThrowsAsync<PublishingRefusedException>(() => Publishing(p => p.SaveAsync(qixian, item.Id, item.Revision, 0, ArticleText("杞县的新闻", City))));
        Assert.Contains("不能为开封市纪委监委", moved.Message);
        await Publishing(p => p.SubmitAsync(qixian, item.Id, item.Revision));
        var submitted = await Publishing(p => p.FindAsync(qixian, item.Id));
        var other = await Assert.ThrowsAsync<PublishingRefusedException>(() => Publishing(p => p.ApproveAsync(weishi, item.Id, submitted!.Revision)));
        Assert.Contains("不能为杞县纪委监委", other.Message);
        await Publishing(p => p.ApproveAsync(qixianReviewer, item.Id, submitted!.Revision));

        Assert.Equal(["2026-12-01-qixian"], Public.News(1, 10, office: Qixian).Items.Select(n => n.Id));
        Assert.Empty(Public.News(1, 10, office: Weishi).Items);
        Assert.Contains(Public.News(1, 100).Items, n => n.Id == "2026-12-01-qixian");
        // The bundled news name no office: they are the city's.
        Assert.Equal(Public.News(1, 100).Total - 1, Public.News(1, 100, office: City).Total);
        var overview = await Publishing(p => p.OverviewAsync(qixian));
        Assert.Equal([("2026-12-01-qixian", "杞县纪委监委")], overview.Select(r => (r.Item.Key, r.Office!.Name)));
        Assert.Empty(await Publishing(p => p.OverviewAsync(weishi)));
        Assert.Contains(await Publishing(p => p.OverviewAsync(Officer)), r => r.Item.Key == "2026-12-01-qixian");
    }

    [Fact]
    public virtual async Task Every_step_is_in_the_audit_log()
    {
        var item = await PublishNewExhibitAsync();
        await Publishing(p => p.UnpublishAsync(Officer, item.Id, item.Revision));

        var actions = await Harness.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(e => e.Detail!.Contains(item.Key)).Select(e => e.Action).ToListAsync());

        Assert.Equal(["新建展品", "提交审核", "批准发布", "撤下展品"], actions);
    }

    [Fact]
    public virtual async Task The_database_refuses_to_change_or_remove_a_version()
    {
        var item = await CreateExhibitAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => Harness.With(sp =>
            sp.GetRequiredService<PortalDb>().ExhibitionVersions.Where(v => v.ItemId == item.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Text, "篡改"))));
        await Assert.ThrowsAnyAsync<Exception>(() => Harness.With(sp =>
            sp.GetRequiredService<PortalDb>().ExhibitionVersions.Where(v => v.ItemId == item.Id).ExecuteDeleteAsync()));
        Assert.Equal(ExhibitText("新展品"), (await ItemAsync(item.Id)).Versions.Single().Text);
    }

    [Fact]
    public virtual async Task An_uploaded_picture_is_stored_by_its_hash_and_an_exhibit_can_use_it()
    {
        var bytes = await File.ReadAllBytesAsync(ExhibitionSample.Fixture("panel.png"));
        var (media, error) = await MediaUpload.CheckMediaAsync(new Core.Reports.IncomingFile("漫画.png", bytes.Length, () => new MemoryStream(bytes)), default);
        Assert.Null(error);
        var store = Harness.Services.GetRequiredService<ExhibitionMediaStore>();
        var src = await store.StoreAsync(media!);
        var text = new ExhibitionFields
        {
            Title = "上传的图片", Kind = ExhibitKind.Image, Body = "画面说明",
            Media = [new ExhibitionMediaEntry { Src = src, Alt = "一幅漫画", Type = media!.ContentType }],
        }.Compose(ExhibitionItemKind.Exhibit);

        var item = await Publishing(p => p.CreateAsync(Officer, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/upload", 60, text)));
        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision + 0));
        var submitted = await ItemAsync(item.Id);
        await Publishing(p => p.ApproveAsync(Reviewer, item.Id, submitted.Revision));

        Assert.StartsWith("uploads/", src);
        Assert.Equal(src, Public.Exhibit($"{Hall}/upload")!.Media.Single().Src);
        Assert.Equal(new ImageSize(64, 48), store.SizeOf(src));
        await using var stored = await store.OpenAsync(src);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public virtual async Task An_uploaded_audio_guides_captions_become_its_transcript_lines_once_it_is_published()
    {
        var store = Harness.Services.GetRequiredService<ExhibitionMediaStore>();
        var sound = await File.ReadAllBytesAsync(ExhibitionSample.Fixture("guide.mp3"));
        var vtt = "WEBVTT\n\n00:00.000 --> 00:01.200\n村里的低保名单，\n\n00:01.200 --> 00:02.800\n每一户都张榜公示。\n"u8.ToArray();
        var (audio, audioError) = await MediaUpload.CheckMediaAsync(new Core.Reports.IncomingFile("讲解.mp3", sound.Length, () => new MemoryStream(sound)), default);
        var (captions, captionsError) = await MediaUpload.CheckCaptionsAsync(new Core.Reports.IncomingFile("讲解.vtt", vtt.Length, () => new MemoryStream(vtt)), default);
        Assert.Null(audioError);
        Assert.Null(captionsError);
        var text = new ExhibitionFields
        {
            Title = "上传的语音导览", Kind = ExhibitKind.Audio, Body = "村里的低保名单，每一户都张榜公示。",
            Media = [new ExhibitionMediaEntry { Src = await store.StoreAsync(audio!), Captions = await store.StoreAsync(captions!), Type = audio!.ContentType }],
        }.Compose(ExhibitionItemKind.Exhibit);

        var item = await Publishing(p => p.CreateAsync(Officer, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/upload-guide", 61, text)));
        await Publishing(p => p.SubmitAsync(Officer, item.Id, item.Revision));
        var submitted = await ItemAsync(item.Id);
        await Publishing(p => p.ApproveAsync(Reviewer, item.Id, submitted.Revision));

        var published = Public.Exhibit($"{Hall}/upload-guide")!.Media.Single();
        Assert.Equal(["村里的低保名单，", "每一户都张榜公示。"], store.CuesOf(published.Captions!).Select(c => c.Text));
    }

    [Fact]
    public virtual async Task Uploaded_media_that_no_version_uses_are_swept_after_a_day_and_used_ones_never()
    {
        var store = Harness.Services.GetRequiredService<ExhibitionMediaStore>();
        async Task<string> UploadAsync(string fixture)
        {
            var bytes = await File.ReadAllBytesAsync(ExhibitionSample.Fixture(fixture));
            var (checkedMedia, error) = await MediaUpload.CheckMediaAsync(new Core.Reports.IncomingFile(fixture, bytes.Length, () => new MemoryStream(bytes)), default);
            Assert.Null(error);
            return await store.StoreAsync(checkedMedia!);
        }
        var used = await UploadAsync("panel.png");
        var unused = await UploadAsync("photo.jpg");
        var text = new ExhibitionFields
        {
            Title = "草稿里的图片", Kind = ExhibitKind.Image, Body = "说明",
            Media = [new ExhibitionMediaEntry { Src = used, Alt = "一幅漫画", Type = "image/png" }],
        }.Compose(ExhibitionItemKind.Exhibit);
        await Publishing(p => p.CreateAsync(Officer, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/draft-picture", 70, text)));
        var sweeper = Harness.Services.GetRequiredService<UnusedMediaSweeper>();

        Assert.Equal(0, await sweeper.SweepAsync());
        Harness.Clock.SetUtcNow(DateTimeOffset.UtcNow + UnusedMediaSweeper.MinimumAge + TimeSpan.FromHours(1));

        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.True(await store.ExistsAsync(used));
        Assert.False(await store.ExistsAsync(unused));
    }

    [Fact]
    public virtual async Task The_export_writes_what_is_published_back_in_content_form()
    {
        var kept = await PublishNewExhibitAsync("kept", "保留的展品");
        var gone = await PublishNewExhibitAsync("gone", "撤下的展品");
        await Publishing(p => p.UnpublishAsync(Officer, gone.Id, gone.Revision));
        var draft = await CreateExhibitAsync("draft", "草稿展品");
        var folder = Directory.CreateTempSubdirectory("portal-export-").FullName;
        try
        {
            var summary = await Harness.With(sp => ExhibitionExport.WriteAsync(sp.GetRequiredService<PortalDb>(), sp.GetRequiredService<ExhibitionMediaStore>(), folder));
            var exported = FolderSnapshot.Of(folder);

            Assert.Equal(Public.Halls().Select(h => (h.Slug, h.Title, h.Exhibits.Count)), exported.Halls().Select(h => (h.Slug, h.Title, h.Exhibits.Count)));
            Assert.Equal("保留的展品", exported.Exhibit(kept.Key)?.Title);
            Assert.Null(exported.Exhibit(gone.Key));
            Assert.Null(exported.Exhibit(draft.Key));
            Assert.Equal(Public.News(1, 100).Total, exported.News(1, 100).Total);
            Assert.Equal((3, Public.Halls().Sum(h => h.Exhibits.Count)), (summary.Halls, summary.Exhibits));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqlitePublishingTests : PublishingBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: false, azurite: false);

    // The document and address rules do not depend on the database; they run once, here.
    [Theory]
    [InlineData("---\nkind: text\n---\n正文", "缺少 title")]
    [InlineData("---\ntitle: 图\nkind: image\nmedia:\n  - { src: uploads/none.png, alt: 无 }\n---\n", "找不到媒体文件“uploads/none.png”")]
    [InlineData("---\ntitle: 图\nkind: image\nmedia:\n  - { src: ../../etc/passwd, alt: 无 }\n---\n", "必须在 media 文件夹内")]
    [InlineData("---\ntitle: 坏\nkind: painting\n---\n", "kind 应为")]
    public async Task A_document_that_does_not_fit_is_refused_with_the_reason_and_nothing_is_stored(string text, string reason)
    {
        var error = await Assert.ThrowsAsync<PublishingRefusedException>(() =>
            Publishing(p => p.CreateAsync(Officer, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{Hall}/bad", 1, text))));

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain(await Publishing(p => p.OverviewAsync(Officer)), r => r.Item.Key == $"{Hall}/bad");
    }

    [Theory]
    [InlineData(ExhibitionItemKind.Hall, "Bao Zheng")]
    [InlineData(ExhibitionItemKind.Hall, "-bao")]
    [InlineData(ExhibitionItemKind.Exhibit, "honest-officials/../x")]
    [InlineData(ExhibitionItemKind.Exhibit, "no-such-hall/x")]
    [InlineData(ExhibitionItemKind.Article, "2026-13-40-news")]
    public async Task Addresses_are_plain_lower_case_and_an_exhibit_needs_its_hall(ExhibitionItemKind kind, string key)
    {
        var text = ExhibitText("标题");
        await Assert.ThrowsAsync<PublishingRefusedException>(() => Publishing(p => p.CreateAsync(Officer, new NewExhibitionItem(kind, key, 1, text))));
    }
}

/// <summary>The same behaviours on PostgreSQL with media in Azurite.</summary>
public sealed class PostgresPublishingTests : PublishingBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: true, azurite: TestServers.Azurite is not null);

    [PostgresFact] public override Task The_bundled_exhibition_is_seeded_once_as_published_version_one() => base.The_bundled_exhibition_is_seeded_once_as_published_version_one();
    [PostgresFact] public override Task A_new_exhibit_goes_public_only_when_a_second_pressOfficer_approves_it() => base.A_new_exhibit_goes_public_only_when_a_second_pressOfficer_approves_it();
    [PostgresFact] public override Task An_edit_of_a_published_exhibit_stays_private_until_it_is_approved() => base.An_edit_of_a_published_exhibit_stays_private_until_it_is_approved();
    [PostgresFact] public override Task Taking_an_exhibit_down_removes_it_at_once_and_keeps_every_version() => base.Taking_an_exhibit_down_removes_it_at_once_and_keeps_every_version();
    [PostgresFact] public override Task An_earlier_version_comes_back_as_a_new_draft_that_needs_review_again() => base.An_earlier_version_comes_back_as_a_new_draft_that_needs_review_again();
    [PostgresFact] public override Task A_scheduled_exhibit_goes_public_when_its_time_comes_and_only_once() => base.A_scheduled_exhibit_goes_public_when_its_time_comes_and_only_once();
    [PostgresFact] public override Task Publishing_evicts_exactly_the_pages_that_show_what_changed() => base.Publishing_evicts_exactly_the_pages_that_show_what_changed();
    [PostgresFact] public override Task Two_officers_editing_at_once_cannot_overwrite_each_other_unseen() => base.Two_officers_editing_at_once_cannot_overwrite_each_other_unseen();
    [PostgresFact] public override Task Only_pressOfficers_may_edit_or_publish() => base.Only_pressOfficers_may_edit_or_publish();
    [PostgresFact] public override Task Every_step_is_in_the_audit_log() => base.Every_step_is_in_the_audit_log();
    [PostgresFact] public override Task A_county_officers_news_goes_public_under_the_county_and_never_for_another_county_or_the_city() =>
        base.A_county_officers_news_goes_public_under_the_county_and_never_for_another_county_or_the_city();
    [PostgresFact] public override Task The_database_refuses_to_change_or_remove_a_version() => base.The_database_refuses_to_change_or_remove_a_version();
    [PostgresFact] public override Task An_uploaded_picture_is_stored_by_its_hash_and_an_exhibit_can_use_it() => base.An_uploaded_picture_is_stored_by_its_hash_and_an_exhibit_can_use_it();
    [PostgresFact] public override Task The_export_writes_what_is_published_back_in_content_form() => base.The_export_writes_what_is_published_back_in_content_form();
    [PostgresFact] public override Task An_uploaded_audio_guides_captions_become_its_transcript_lines_once_it_is_published() => base.An_uploaded_audio_guides_captions_become_its_transcript_lines_once_it_is_published();
    [PostgresFact] public override Task Uploaded_media_that_no_version_uses_are_swept_after_a_day_and_used_ones_never() => base.Uploaded_media_that_no_version_uses_are_swept_after_a_day_and_used_ones_never();
}

public sealed class PublishingSuiteCoverageTests
{
    [Fact]
    public void Every_publishing_behaviour_is_also_run_against_PostgreSQL() =>
        Assert.Empty(SuiteCoverage.NotRerun(typeof(PublishingBehaviour), typeof(PostgresPublishingTests), typeof(PostgresFactAttribute)));
}
