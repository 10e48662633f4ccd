using System.Collections;
using System.Reflection;

namespace Portal.Deploy.Tests;

/// <summary>
/// The configuration keys the Portal's code binds: every options class with a <c>Section</c> constant in the three hosts
/// and Portal.Core, walked property by property. A key in deploy/ that is not one of these is a setting nothing reads.
/// </summary>
internal static class BoundSettings
{
    /// <summary>Keys the code reads straight from configuration rather than through an options class.</summary>
    private static readonly HashSet<string> ReadDirectly = new(StringComparer.OrdinalIgnoreCase)
    {
        Portal.Core.Operations.SharedRedis.Setting,
    };

    /// <summary>The framework's own switches the containers set.</summary>
    private static readonly HashSet<string> Framework = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "DOTNET_gcServer", "Logging__Console__FormatterName",
    };

    private static readonly Assembly[] Hosts =
    [
        typeof(Portal.Core.PortalOptions).Assembly,
        typeof(Portal.Hosting.RateLimitOptions).Assembly,
        typeof(Portal.Web.Infrastructure.LargePrint).Assembly,
        typeof(Portal.Api.Payments.PaymentCacheOptions).Assembly,
        typeof(Portal.Indexer.Sync.WatchCommand).Assembly,
    ];

    private static readonly List<(string[] Section, Type Options)> Sections =
        Hosts.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (((string)x.Field!.GetRawConstantValue()!).Split(':'), x.Type))
            .ToList();

    /// <summary>True when an environment variable (<c>__</c> for <c>:</c>) is a setting the code reads.</summary>
    public static bool IsBound(string variable)
    {
        if (Framework.Contains(variable)) return true;
        var key = variable.Replace("__", ":");
        if (ReadDirectly.Contains(key)) return true;
        var parts = key.Split(':');
        return Sections.Any(s => parts.Length > s.Section.Length
            && s.Section.Select((p, i) => string.Equals(p, parts[i], StringComparison.OrdinalIgnoreCase)).All(x => x)
            && Binds(s.Options, parts[s.Section.Length..]));
    }

    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty) return IsValue(type);
        if (Dictionary(type) is { } valueType) return Binds(valueType, path[1..]);
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanRead: true } && (property.CanWrite || !IsValue(property.PropertyType)) && Binds(property.PropertyType, path[1..]);
    }

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type) && type.GetGenericArguments() is [var key, var value] && key == typeof(string) ? value : null;

    private static bool IsValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri);
    }
}
