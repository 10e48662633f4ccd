using System.Globalization;

namespace Portal.Core.Privacy;

/// <summary>
/// A count the public may see. One or two is shown only as 少于3, so that a small township's figures cannot point at a
/// household; none is shown as 0, which says nothing about anyone.
/// </summary>
public readonly record struct PublicCount(int Value)
{
    public const int SmallestShown = 3;
    public const string SuppressedText = "少于3";

    public bool Suppressed => Value is > 0 and < SmallestShown;

    public string Text => Suppressed ? SuppressedText : Value.ToString("N0", CultureInfo.InvariantCulture);
}
