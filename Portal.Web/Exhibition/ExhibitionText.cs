using System.Globalization;
using Portal.Core.Exhibition;

namespace Portal.Web.Exhibition;

/// <summary>How the exhibition's facts read in Chinese.</summary>
public static class ExhibitionText
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string Kind(ExhibitKind kind) => kind switch
    {
        ExhibitKind.Text => "文字",
        ExhibitKind.Image => "图片",
        ExhibitKind.Series => "连环画",
        ExhibitKind.Audio => "语音讲解",
        ExhibitKind.Video => "视频",
        _ => "展品",
    };

    /// <summary>One character for the thumbnail of an exhibit without a picture.</summary>
    public static string KindMark(ExhibitKind kind) => kind switch
    {
        ExhibitKind.Audio => "听",
        ExhibitKind.Video => "看",
        _ => "读",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", Chinese);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>1,234,567: a count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
