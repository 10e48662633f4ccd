using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Core.Operations;

namespace Portal.Hosting;

public sealed class OperationsOptions
{
    public const string Section = "Portal:Operations";

    /// <summary>How long a stopping instance finishes requests in flight and flushes its counters.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>
/// What an operator needs from every host: <c>/healthz</c> (the process answers), <c>/readyz</c> (index, database and blob
/// storage answer, exhibition changes are listened for), <c>/metrics</c> (Prometheus), traces to an OTLP collector when one is configured, a shared Redis
/// output cache when <c>Portal:OutputCache:Redis</c> is set, and a graceful stop.
/// </summary>
public static class PortalOperations
{
    public const string ReadyTag = "ready";

    /// <param name="service">The host's name in metrics and traces: portal-web or portal-api.</param>
    public static IServiceCollection AddPortalOperations(this IServiceCollection services, IConfiguration configuration, string service)
    {
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<OperationsOptions>>((host, operations) => host.ShutdownTimeout = operations.Value.ShutdownTimeout);

        services.AddHealthChecks()
            .AddCheck<PaymentIndexCheck>("index", tags: [ReadyTag])
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag])
            .AddCheck<BlobStorageCheck>("blobs", tags: [ReadyTag])
            .AddCheck<ExhibitionChangesCheck>("exhibition-changes", tags: [ReadyTag]);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(service))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                .AddMeter(PortalMetrics.MeterName).AddPrometheusExporter());
        // Traces leave the process only to a collector the operator names (OTEL_EXPORTER_OTLP_ENDPOINT); the query string is redacted by the instrumentation.
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = IsNotOperations).AddHttpClientInstrumentation().AddOtlpExporter());

        services.Replace(ServiceDescriptor.Singleton<ICachedPages, OutputCachedPages>());
        if (configuration[SharedRedis.Setting] is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = "portal:";
            });
            var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(store);
            services.AddSingleton<IOutputCacheStore>(sp => new FailOpenOutputCacheStore(
                (IOutputCacheStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FailOpenOutputCacheStore>>()));
        }
        return services;
    }

    public static IEndpointRouteBuilder MapPortalOperations(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsNotOperations(HttpContext context) =>
        !(context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") || context.Request.Path.StartsWithSegments("/metrics"));

    /// <summary>Each part's status and nothing else; an operator reads the logs for why.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
