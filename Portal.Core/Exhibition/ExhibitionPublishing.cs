using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Staff;

namespace Portal.Core.Exhibition;

/// <summary>A step the rules do not allow, or a document that does not fit; the message says what to do.</summary>
public sealed class PublishingRefusedException(string message) : Exception(message);

/// <summary>An item in the back office's list, with its newest version's title and order, and for news the office it is published by.</summary>
public sealed record ExhibitionRow(ExhibitionItem Item, string Title, int Order, Offices.Office? Office = null);

/// <summary>A new hall, exhibit or news item: its key (part of its public address) and its first version.</summary>
public sealed record NewExhibitionItem(ExhibitionItemKind Kind, string Key, int Order, string Text);

/// <summary>
/// The press office's workflow (宣传): every save is a new version; draft → submitted → approved by a second person
/// (now or at a set time) → published → taken down. A published item keeps its public version while a new draft is
/// written and reviewed. Every step is audited, and whatever changes what the public sees refreshes it at once.
/// Each step is refused outside the actor's offices (<see cref="NewsOffices"/>): a news item is its newest version's office's.
/// </summary>
public sealed partial class ExhibitionPublishing(
    PortalDb db, ExhibitionMediaStore media, PublishedExhibition publicView, ExhibitionChangeSignal changes, NewsOffices offices, TimeProvider time)
{
    public const int MaxTextLength = 100_000;
    public const int MaxOrder = 9999;

    /// <summary>
    /// Every item the actor may edit with the title and order of its newest version: halls and their exhibits in order,
    /// news newest first.
    /// </summary>
    public async Task<List<ExhibitionRow>> OverviewAsync(StaffActor actor, CancellationToken cancellationToken = default)
    {
        RequirePress(actor);
        var rows = await db.ExhibitionItems.AsNoTracking()
            .Join(db.ExhibitionVersions, i => new { i.Id, Number = i.LatestVersion }, v => new { Id = v.ItemId, v.Number }, (i, v) => new { Item = i, v.Order, v.Text })
            .ToListAsync(cancellationToken);
        return rows.Where(r => Refusal(actor, r.Item.Kind, r.Text) is null)
            .Select(r => new ExhibitionRow(r.Item, TitleOf(r.Text), r.Order, r.Item.Kind == ExhibitionItemKind.Article ? offices.Of(FrontOf(r.Text)?.Office) : null))
            .OrderBy(r => r.Item.Kind).ThenBy(r => r.Item.Kind == ExhibitionItemKind.Article ? 0 : r.Order)
            .ThenBy(r => r.Item.Kind == ExhibitionItemKind.Article ? "" : r.Item.Key, StringComparer.Ordinal)
            .ThenByDescending(r => r.Item.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string TitleOf(string text) => FrontOf(text)?.Title ?? "（无标题）";

    private static ExhibitionFrontMatter? FrontOf(string text)
    {
        try
        {
            return ExhibitionContentReader.Parse(text, "").Front;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Why the actor may not write this document: a news item for its office, a hall or exhibit at all; null when they may.</summary>
    private string? Refusal(StaffActor actor, ExhibitionItemKind kind, string text) =>
        kind == ExhibitionItemKind.Article ? offices.RefusalToWrite(actor, FrontOf(text)?.Office) : offices.RefusalToEditExhibition(actor);

    private void RequireMay(StaffActor actor, ExhibitionItemKind kind, string text)
    {
        if (Refusal(actor, kind, text) is { } refusal) throw new PublishingRefusedException(refusal);
    }

    /// <summary>The item with every version, newest first.</summary>
    public async Task<ExhibitionItem?> FindAsync(StaffActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        RequirePress(actor);
        var item = await db.ExhibitionItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return null;
        item.Versions.Sort((a, b) => b.Number.CompareTo(a.Number));
        RequireMay(actor, item.Kind, item.Versions[0].Text);
        return item;
    }

    public async Task<ExhibitionItem> CreateAsync(StaffActor actor, NewExhibitionItem draft, CancellationToken cancellationToken = default)
    {
        RequirePress(actor);
        RequireMay(actor, draft.Kind, draft.Text);
        CheckKey(draft.Kind, draft.Key);
        if (await db.ExhibitionItems.AnyAsync(i => i.Kind == draft.Kind && i.Key == draft.Key, cancellationToken))
            throw new PublishingRefusedException($"已有网址为“{draft.Key}”的{draft.Kind.Name()}，请换一个网址名。");
        if (draft.Kind == ExhibitionItemKind.Exhibit)
        {
            var hall = draft.Key[..draft.Key.IndexOf('/')];
            if (!await db.ExhibitionItems.AnyAsync(i => i.Kind == ExhibitionItemKind.Hall && i.Key == hall, cancellationToken))
                throw new PublishingRefusedException($"没有网址为“{hall}”的展厅。请先建展厅，再在展厅里添加展品。");
        }
        await CheckDocumentAsync(draft.Kind, draft.Key, draft.Order, draft.Text, cancellationToken);
        var now = Now;
        var item = new ExhibitionItem
        {
            Id = Guid.NewGuid(), Kind = draft.Kind, Key = draft.Key, Stage = PublishingStage.Draft, LatestVersion = 1, UpdatedAt = now,
            Versions = [new ExhibitionVersion { Number = 1, Order = draft.Order, Text = draft.Text, AuthorId = actor.Id, AuthorName = actor.Name, CreatedAt = now }],
        };
        db.ExhibitionItems.Add(item);
        Audit(actor, "新建" + draft.Kind.Name(), item, now);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    /// <summary>Saves a new version as a draft. What is public stays public until the new version is approved.</summary>
    public async Task SaveAsync(StaffActor actor, Guid id, int revision, int order, string text, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(actor, id, revision, cancellationToken);
        RequireMay(actor, item.Kind, text);
        await CheckDocumentAsync(item.Kind, item.Key, order, text, cancellationToken);
        var latest = await db.ExhibitionVersions.SingleAsync(v => v.ItemId == id && v.Number == item.LatestVersion, cancellationToken);
        if (latest.Text == text && latest.Order == order && item.Stage is PublishingStage.Draft) return;
        AddVersion(actor, item, order, text, note: null);
        Audit(actor, "保存" + item.Kind.Name(), item, Now, $"第 {item.LatestVersion} 版");
        await CommitAsync(cancellationToken);
    }

    public async Task SubmitAsync(StaffActor actor, Guid id, int revision, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(actor, id, revision, cancellationToken);
        if (item.Stage is not (PublishingStage.Draft or PublishingStage.Unpublished))
            throw new PublishingRefusedException($"这一项现在是“{item.Stage.Name()}”，只有草稿或已撤下的可以提交审核。");
        item.Stage = PublishingStage.Submitted;
        item.SubmittedById = actor.Id;
        item.SubmittedBy = actor.Name;
        item.ReviewNote = null;
        Touch(item);
        Audit(actor, "提交审核", item, Now, $"第 {item.LatestVersion} 版");
        await CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A second person approves: not the one who submitted, nor the author of the version under review. Without a time,
    /// or with one already past, it goes public at once; otherwise at that time.
    /// </summary>
    public async Task ApproveAsync(StaffActor actor, Guid id, int revision, DateTime? publishAt = null, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(actor, id, revision, cancellationToken);
        if (item.Stage != PublishingStage.Submitted) throw new PublishingRefusedException($"这一项现在是“{item.Stage.Name()}”，没有待审核的版本。");
        var version = await db.ExhibitionVersions.SingleAsync(v => v.ItemId == id && v.Number == item.LatestVersion, cancellationToken);
        if (item.SubmittedById == actor.Id || version.AuthorId == actor.Id)
            throw new PublishingRefusedException("发布需要另一位宣传人员审核：提交人和这一版的作者不能自己批准。");
        var now = Now;
        if (publishAt is { } at && at > now)
        {
            item.Stage = PublishingStage.Scheduled;
            item.PublishAt = at;
            Audit(actor, "批准定时发布", item, now, $"第 {item.LatestVersion} 版，{Reports.ChinaTime.Format(at)} 发布");
        }
        else
        {
            GoLive(item);
            Audit(actor, "批准发布", item, now, $"第 {item.LatestVersion} 版");
        }
        Touch(item);
        await CommitAsync(cancellationToken);
    }

    /// <summary>The reviewer sends it back to its author with a reason.</summary>
    public async Task ReturnAsync(StaffActor actor, Guid id, int revision, string note, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(actor, id, revision, cancellationToken);
        if (item.Stage != PublishingStage.Submitted) throw new PublishingRefusedException($"这一项现在是“{item.Stage.Name()}”，没有待审核的版本可以退回。");
        note = note.Trim();
        if (note.Length is 0 or > 500) throw new PublishingRefusedException("退回时请写明理由（500 字以内），作者会在编辑页看到。");
        item.Stage = PublishingStage.Draft;
        item.ReviewNote = note;
        Touch(item);
        Audit(actor, "退回修改", item, Now, $"第 {item.LatestVersion} 版");
        await CommitAsync(cancellationToken);
    }

    /// <summary>Takes it off the public site at once (a scheduled publication is cancelled too); its versions stay.</summary>
    public async Task UnpublishAsync(StaffActor actor, Guid id, int revision, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(actor, id, revision, cancellationToken);
        if (item.LiveVersion is null && item.Stage != PublishingStage.Scheduled)
            throw new PublishingRefusedException("这一项没有公开，无需撤下。");
        item.Stage = PublishingStage.Unpublished;
        item.LiveVersion = null;
        item.PublishAt = null;
        Touch(item);
        Audit(actor, "撤下" + item.Kind.Name(), item, Now);
        await CommitAsync(cancellationToken);
    }

    /// <summary>Makes an earlier version the newest again, as a draft that needs review like any other.</summary>
    public async Task RestoreAsync(StaffActor actor, Guid id, int revision, int number, CancellationToken cancellationToken = default)
    {
        var item = await LoadAsync(actor, id, revision, cancellationToken);
        var old = await db.ExhibitionVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ItemId == id && v.Number == number, cancellationToken)
            ?? throw new PublishingRefusedException($"没有第 {number} 版。");
        RequireMay(actor, item.Kind, old.Text);
        await CheckDocumentAsync(item.Kind, item.Key, old.Order, old.Text, cancellationToken);
        AddVersion(actor, item, old.Order, old.Text, $"恢复自第 {number} 版");
        Audit(actor, "恢复版本", item, Now, $"第 {number} 版恢复为第 {item.LatestVersion} 版");
        await CommitAsync(cancellationToken);
    }

    /// <summary>Publishes what was approved for a time now past. Safe on several instances at once: each item goes public once.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.ExhibitionItems.Where(i => i.Stage == PublishingStage.Scheduled && i.PublishAt <= now).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var item in due)
        {
            GoLive(item);
            Touch(item);
            AuditLog.AppendSystem(db, "定时发布", "定时发布", $"{item.Kind.Name()} {item.Key} 第 {item.LiveVersion} 版", now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                published++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance published it first, or someone changed it meanwhile; either way it is not ours to publish.
                db.ChangeTracker.Clear();
            }
        }
        if (published > 0) await RefreshPublicAsync(cancellationToken);
        return published;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static void GoLive(ExhibitionItem item)
    {
        item.Stage = PublishingStage.Published;
        item.LiveVersion = item.LatestVersion;
        item.PublishAt = null;
    }

    private void AddVersion(StaffActor actor, ExhibitionItem item, int order, string text, string? note)
    {
        item.LatestVersion++;
        db.ExhibitionVersions.Add(new ExhibitionVersion
        {
            ItemId = item.Id, Number = item.LatestVersion, Order = order, Text = text, AuthorId = actor.Id, AuthorName = actor.Name, CreatedAt = Now, Note = note,
        });
        // A new version always goes through review again; a scheduled publication of the old one is cancelled.
        item.Stage = item.Stage == PublishingStage.Unpublished ? PublishingStage.Unpublished : PublishingStage.Draft;
        item.PublishAt = null;
        item.ReviewNote = null;
        Touch(item);
    }

    private void Touch(ExhibitionItem item)
    {
        item.Revision++;
        item.UpdatedAt = Now;
    }

    private async Task<ExhibitionItem> LoadAsync(StaffActor actor, Guid id, int revision, CancellationToken cancellationToken)
    {
        RequirePress(actor);
        var item = await db.ExhibitionItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new PublishingRefusedException("找不到这一项，可能网址有误。");
        var latest = await db.ExhibitionVersions.AsNoTracking().Where(v => v.ItemId == id && v.Number == item.LatestVersion).Select(v => v.Text).SingleAsync(cancellationToken);
        RequireMay(actor, item.Kind, latest);
        if (item.Revision != revision) throw new PublishingRefusedException("这一项刚被其他人改过。请刷新页面，看过最新情况后再操作。");
        return item;
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PublishingRefusedException("这一项刚被其他人改过。请刷新页面，看过最新情况后再操作。");
        }
        await RefreshPublicAsync(cancellationToken);
    }

    /// <summary>Rebuilds this instance's public view and, when what the public sees changed, tells the other instances at once.</summary>
    private async Task RefreshPublicAsync(CancellationToken cancellationToken)
    {
        if ((await publicView.RefreshAsync(cancellationToken)).Count > 0) await changes.AnnounceAsync();
    }

    private async Task CheckDocumentAsync(ExhibitionItemKind kind, string key, int order, string text, CancellationToken cancellationToken)
    {
        if (order is < 0 or > MaxOrder) throw new PublishingRefusedException($"顺序应是 0 到 {MaxOrder} 之间的整数。");
        if (text.Length > MaxTextLength) throw new PublishingRefusedException($"正文太长（{text.Length} 字），上限 {MaxTextLength} 字。请分成几篇。");
        IReadOnlyList<string> sources;
        try
        {
            sources = ExhibitionContentReader.Check(new ExhibitionSource(kind, key, order, text, kind.Name()));
        }
        catch (InvalidDataException e)
        {
            throw new PublishingRefusedException(e.Message);
        }
        foreach (var src in sources.Distinct())
            if (!await media.ExistsAsync(src, cancellationToken))
                throw new PublishingRefusedException($"找不到媒体文件“{src}”。请重新上传。");
    }

    private void Audit(StaffActor actor, string action, ExhibitionItem item, DateTime at, string? detail = null) =>
        AuditLog.Append(db, actor, action, null, detail is null ? $"{item.Kind.Name()} {item.Key}" : $"{item.Kind.Name()} {item.Key}，{detail}", at);

    private static void RequirePress(StaffActor actor)
    {
        if (!actor.Has(StaffRoles.Press)) throw new UnauthorizedAccessException("只有宣传人员可以编辑和发布展厅与新闻。");
    }

    /// <summary>Keys are part of public addresses: lower-case letters, digits and single hyphens; news ids start with their date.</summary>
    public static void CheckKey(ExhibitionItemKind kind, string key)
    {
        var ok = kind switch
        {
            ExhibitionItemKind.Hall => Slug().IsMatch(key),
            ExhibitionItemKind.Exhibit => key.Split('/') is [var hall, var exhibit] && Slug().IsMatch(hall) && Slug().IsMatch(exhibit),
            _ => ArticleId().IsMatch(key) && DateOnly.TryParseExact(key[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
        };
        if (!ok)
            throw new PublishingRefusedException("网址名只能用小写英文字母、数字和连字符（如 bao-zheng），不超过 60 个字符，不能以连字符开头或结尾。");
    }

    [GeneratedRegex("^(?=.{1,60}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^(?=.{12,71}$)[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ArticleId();
}
