using Portal.Core;
using Portal.Core.Database;
using Portal.Core.Exhibition;
using Portal.Core.Payments;
using Portal.Core.Publication;
using Portal.Core.Reports;
using Portal.Core.Submissions;
using Portal.Core.Supervision;
using Portal.Hosting;
using Portal.Web.Admin;
using Portal.Web.Exhibition;
using Portal.Web.Infrastructure;
using Portal.Web.Payments;
using Portal.Web.Reports;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPortalCore();
builder.Services.AddPaymentIndex();
builder.Services.AddPaymentIndexRefresh();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddPublication();
builder.Services.AddPublicationRefresh();
builder.Services.AddExhibition();
builder.Services.AddSubmissions();
builder.Services.AddSupervisionStatistics();
builder.Services.AddClueLedger();
builder.Services.AddSubmissionWorker();
builder.Services.AddOrphanAttachmentSweep();
builder.Services.AddUnusedMediaSweep();
builder.Services.AddPortalPages();
builder.Services.AddReportPages();
builder.Services.AddExhibitionPages();
builder.Services.AddCompressedOutputCache();
builder.Services.AddPaymentPageCaching();
builder.Services.AddPortalRateLimits();
builder.Services.AddForwardedClientAddresses();
builder.Services.AddQueryStringLimit();
builder.Services.AddStaffSignIn();
builder.Services.AddPortalOperations(builder.Configuration, "portal-web");

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
await app.Services.LoadHallVisitCountsAsync();
app.UseSecurityHeaders();
app.UseForwardedHeaders();
app.UseResponseCompression(); // static files and what is answered before the output cache
app.UsePortalErrorPages();
app.UseQueryStringLimit();
app.UsePortalStaticFiles();
app.UseExhibitionMedia();
app.UseRouting();
app.UseStaffSignIn();
app.UseRateLimiter();
app.UseHallVisitCounting(); // before the output cache, so a cached hall page is counted too
app.UseMyVillage(); // before the output cache, so a cached village page is remembered too
app.UseCompressedOutputCache();
app.MapPortalOperations();
app.MapRazorPages();
app.Run();

public partial class Program;
