using Portal.Core.Exhibition;

namespace Portal.Core.Tests.Exhibition;

/// <summary>A content folder read the way seeding and export read it, held as the pages hold the published exhibition.</summary>
internal static class FolderSnapshot
{
    public static ExhibitionSnapshot Of(string root)
    {
        var (halls, news) = ExhibitionContentReader.Read(root);
        return new ExhibitionSnapshot(halls, news, "folder");
    }
}
