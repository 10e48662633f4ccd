namespace Portal.Core.Regions;

public enum RegionLevel { Country = 0, Province = 1, City = 2, County = 3, Township = 4, Village = 5 }

/// <summary>An administrative division: GB/T 2260 codes down to counties, statistical codes for townships and villages.</summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode)
{
    public const string CountryCode = "0";

    public bool IsVillage => Level == RegionLevel.Village;
}
