using System.Reflection;

namespace Portal.Core.Tests;

/// <summary>A behaviour suite rerun against a server overrides each test only to mark it; this finds any it forgot.</summary>
internal static class SuiteCoverage
{
    public static IEnumerable<string> NotRerun(Type suite, Type rerun, Type attribute) =>
        Tests(suite, typeof(FactAttribute)).Except(Tests(rerun, attribute));

    private static IEnumerable<string> Tests(Type type, Type attribute) => type
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.IsDefined(attribute, inherit: false))
        .Select(m => m.Name);
}
