using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;

using Portal.Core.Publication;

namespace Portal.Core.Submissions;

public static class SubmissionsRegistration
{
    /// <summary>Departments, the submission queue and its worker (needs the reports' database and blob storage, and the payment index, registered).</summary>
    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section);
        services.AddPublication();
        services.AddScoped<Departments>();
        services.AddScoped<SubmissionQueue>();
        services.AddScoped<DepartmentKeys>();
        services.AddSingleton<SubmissionWakeUp>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SubmissionOptions>>().Value;
            var portal = sp.GetRequiredService<IOptions<PortalOptions>>().Value;
            return new SubmissionSpool(BlobStores.Create(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value, portal, SubmissionSpool.Container),
                options.ResolveWork(portal), options.MaxFileBytes);
        });
        services.AddSingleton<SubmissionWorker>();
        return services;
    }

    /// <summary>The worker in this host's background, so that ./run.sh needs no process of its own for it.</summary>
    public static IServiceCollection AddSubmissionWorker(this IServiceCollection services) =>
        services.AddHostedService<SubmissionWorkerService>();
}
