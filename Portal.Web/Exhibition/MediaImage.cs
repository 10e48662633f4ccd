using Portal.Core.Exhibition;

namespace Portal.Web.Exhibition;

/// <summary>A picture on a page (Pages/Shared/_MediaImage): lazy unless it is the first thing a reader sees; decorative when text beside it says the same.</summary>
public sealed record MediaImage(MediaItem Media, bool Lazy, string? Class = null, bool Decorative = false);
