using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Core.Reports;

public static class ReportsRegistration
{
    /// <summary>Report intake, progress lookup and the staff desk, over the configured database and blob storage.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalDatabase();
        services.AddOptions<ReportRules>().BindConfiguration(ReportRules.Section);
        services.AddOptions<ReportSecretsOptions>().BindConfiguration(ReportSecretsOptions.Section)
            .Validate(o => { o.KeyBytes(); o.SigningAlgorithm().Dispose(); o.DuplicateKeyBytes(); return true; }).ValidateOnStart();
        services.AddOptions<BlobStorageOptions>().BindConfiguration(BlobStorageOptions.Section);
        services.AddKeyedSingleton<IBlobStore>(ReportBlobs.Container, (sp, _) => BlobStores.Create(
            sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value, sp.GetRequiredService<IOptions<PortalOptions>>().Value, ReportBlobs.Container));

        services.AddSingleton<ReportCipher>();
        services.AddSingleton<ReportSeal>();
        services.AddSingleton<FilingProof>();
        services.AddSingleton<DuplicateFinder>();
        services.AddSingleton<WorkingCalendarSource>();
        services.AddSingleton<Deadlines>();
        services.AddScoped<ReportValidator>();
        services.AddScoped<ReportIntake>();
        services.AddSingleton<HeldUploads>();
        services.AddScoped<ReportProgress>();
        services.AddScoped<ReportHandling>();
        services.AddScoped<ReportQueue>();
        services.AddScoped<Statistics.ReportStatistics>();
        services.AddScoped<CalendarEditing>();
        services.AddScoped<ReportRekeying>();
        services.AddScoped<StaffAccounts>();
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddSingleton<OrphanAttachmentSweeper>();

        // Supplement tickets, antiforgery tokens and sign-in cookies must survive a restart and be readable by every instance.
        services.AddPortalDataProtection(configuration);
        return services;
    }

    /// <summary>The hourly sweep of orphaned attachment blobs; one host runs it.</summary>
    public static IServiceCollection AddOrphanAttachmentSweep(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<OrphanAttachmentSweeper>());
}
