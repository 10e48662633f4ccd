using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Funds;
using Portal.Core.Offices;
using Portal.Core.Operations;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core;

public static class PortalCoreRegistration
{
    /// <summary>Options, the region tree, the offices, the fund catalogue and the self-lookup key: what every host needs.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddOptions<LookupOptions>().BindConfiguration(LookupOptions.Section)
            .Validate(o => { o.KeyBytes(); return true; }).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PortalMetrics>();
        services.TryAddSingleton<ICachedPages, NoCachedPages>();
        services.AddSingleton(sp => RegionCatalog.Load(Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "regions")));
        services.AddSingleton(sp => new ServedArea(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<IOptions<PortalOptions>>().Value.ServedRegions));
        services.AddSingleton(sp => new VillageSearch(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<ServedArea>(),
            Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "regions", "pinyin.txt")));
        services.AddSingleton(sp => FundCatalog.Load(Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "funds.yaml")));
        services.AddSingleton(sp => OfficeTree.Load(Path.Combine(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), "offices.yaml"),
            sp.GetRequiredService<RegionCatalog>()));
        services.AddSingleton<Jurisdiction>();
        services.AddSingleton<OfficeScope>();
        services.AddSingleton<OfficeRegion>();
        services.AddSingleton<OwnerKey>();
        services.AddOptions<LookupThrottleOptions>().BindConfiguration(LookupThrottleOptions.Section);
        services.AddSingleton<LookupThrottle>();
        return services;
    }
}
