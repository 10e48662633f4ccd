using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>Every limit on what staff hand in to the ledger, in one place, so pages and messages say the same.</summary>
public static class ClueLimits
{
    public const int MaxNote = 2_000;
    public const int MaxReason = 200;
    public const int MaxFilesPerStep = 5;
    public const int MaxFilesPerClue = 30;
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>A clue is one month's payment; recovering more than ten years of it is a typing error, not a recovery.</summary>
    public const int MaxRecoveredMonths = 120;

    public const string AllowedKinds = "jpg、png、pdf、doc、docx";

    public static bool Allows(AttachmentKind kind) => kind is AttachmentKind.Jpeg or AttachmentKind.Png or AttachmentKind.Pdf or AttachmentKind.Doc or AttachmentKind.Docx;

    /// <summary>The largest request a step with evidence can honestly need.</summary>
    public const long MaxRequestBytes = MaxFilesPerStep * MaxFileBytes + 1024 * 1024;
}
