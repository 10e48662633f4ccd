using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Supervision;

/// <summary>One import of a reference list: which kind and county it replaced, from which file, by whom, with its counts.</summary>
public sealed class ReferenceImport
{
    public long Id { get; set; }
    public ReferenceKind Kind { get; set; }
    public string CountyCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ImportedBy { get; set; } = "";
    public DateTime At { get; set; }
    public int Read { get; set; }
    public int Kept { get; set; }
    public int Rejected { get; set; }
}

internal sealed class ReferenceImportConfiguration : IEntityTypeConfiguration<ReferenceImport>
{
    public void Configure(EntityTypeBuilder<ReferenceImport> e)
    {
        e.ToTable("reference_imports");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ImportedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.Kind, x.CountyCode, x.Id });
    }
}
