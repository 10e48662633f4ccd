using Portal.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPortalCore();
builder.Services.AddPaymentIndex();
builder.Services.AddRazorPages();
builder.Services.AddOutputCache();

var app = builder.Build();
app.UseOutputCache();
app.MapRazorPages();
app.Run();

public partial class Program;
