namespace Portal.Core.Exhibition;

/// <summary>Where a hall, exhibit or news item stands in the press office's review.</summary>
public enum PublishingStage
{
    /// <summary>草稿: being written; a published earlier version, if any, stays public.</summary>
    Draft,
    /// <summary>待审核: waiting for a second person with the 宣传 role.</summary>
    Submitted,
    /// <summary>定时发布: approved, goes public at <see cref="ExhibitionItem.PublishAt"/>.</summary>
    Scheduled,
    /// <summary>已发布: the latest version is public.</summary>
    Published,
    /// <summary>已撤下: nothing of it is public.</summary>
    Unpublished,
}

/// <summary>A hall, an exhibit or a news item in the back office: its stage, which version the public sees, and every version ever saved.</summary>
public sealed class ExhibitionItem
{
    public Guid Id { get; set; }
    public ExhibitionItemKind Kind { get; set; }

    /// <summary>A hall's slug, <c>hall/exhibit</c>, or a news id; part of public addresses, so it never changes.</summary>
    public string Key { get; set; } = "";

    public PublishingStage Stage { get; set; }

    /// <summary>The newest version's number; versions are numbered from 1 and never removed.</summary>
    public int LatestVersion { get; set; }

    /// <summary>The version the public sees, or null when nothing is public.</summary>
    public int? LiveVersion { get; set; }

    public DateTime? PublishAt { get; set; }
    public Guid? SubmittedById { get; set; }
    public string? SubmittedBy { get; set; }

    /// <summary>Why a reviewer sent it back, shown to the author until the next save.</summary>
    public string? ReviewNote { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped by every change, so two people editing at once cannot overwrite each other unseen.</summary>
    public int Revision { get; set; }

    public List<ExhibitionVersion> Versions { get; set; } = [];
}

/// <summary>One saved version: the document as written (YAML front matter and Markdown, the same form as a file of content/exhibition) and its place in order.</summary>
public sealed class ExhibitionVersion
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public int Number { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Null for what was seeded from content/.</summary>
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? Note { get; set; }
}

public static class PublishingStageNames
{
    public static string Name(this PublishingStage stage) => stage switch
    {
        PublishingStage.Draft => "草稿",
        PublishingStage.Submitted => "待审核",
        PublishingStage.Scheduled => "定时发布",
        PublishingStage.Published => "已发布",
        _ => "已撤下",
    };

    public static string Name(this ExhibitionItemKind kind) => kind switch
    {
        ExhibitionItemKind.Hall => "展厅",
        ExhibitionItemKind.Exhibit => "展品",
        _ => "新闻",
    };
}
