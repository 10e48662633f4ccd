using Portal.Api.Exhibition;
using Portal.Api.Hosting;
using Portal.Api.Payments;
using Portal.Api.Reports;
using Portal.Api.Submissions;
using Portal.Api.WeChat;
using Portal.Core;
using Portal.Core.Database;
using Portal.Core.Exhibition;
using Portal.Core.Payments;
using Portal.Core.Reports;
using Portal.Core.Submissions;
using Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPortalCore();
builder.Services.AddPaymentIndex();
builder.Services.AddPaymentIndexRefresh();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddExhibition();
builder.Services.AddSubmissions();
builder.Services.AddSubmissionWorker();
builder.Services.AddMediaAddresses();
builder.Services.AddWeChatCallback();
builder.Services.AddApiProblems();
builder.Services.AddRequestLimits();
builder.Services.AddApiRateLimits();
builder.Services.AddPaymentCaching();
builder.Services.AddCompressedOutputCache();
builder.Services.AddApiDocuments();
builder.Services.AddForwardedClientAddresses();
builder.Services.AddApiCors();
builder.Services.AddPortalOperations(builder.Configuration, "portal-api");

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
app.UseApiSecurityHeaders();
app.UseForwardedHeaders();
app.UseApiCors();
app.UseNoStore();
app.UseApiProblems();
app.UseRequestLimits();
app.UseRateLimiter();
app.UseCompressedOutputCache();

app.MapPortalOperations();
app.MapOpenApi();
app.MapPaymentsApi();
app.MapReportsApi();
app.MapSubmissionsApi();
app.MapExhibitionApi();
app.MapWeChatCallback();

app.Run();

public partial class Program;
