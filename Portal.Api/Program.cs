using Portal.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPortalCore();
builder.Services.AddPaymentIndex();
builder.Services.AddOutputCache();

var app = builder.Build();
app.UseOutputCache();
app.Run();

public partial class Program;
