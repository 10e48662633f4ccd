using System.Text.Json;

namespace Portal.Api.Tests;

[Collection(ApiCollection.Name)]
public class OpenApiTests(PortalApiFactory factory)
{
    [Fact]
    public async Task OpenApi_document_lists_every_endpoint_with_a_chinese_summary_and_amounts_as_decimals()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        var document = JsonDocument.Parse(json).RootElement;
        var paths = document.GetProperty("paths");
        var operations = new[] { ("/api/v1/funds", "get"), ("/api/v1/regions/{code}", "get"), ("/api/v1/payments", "get"), ("/api/v1/payments/lookup", "post") };
        foreach (var (path, method) in operations)
        {
            var summary = paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString();
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", summary);
        }
        Assert.Equal(operations.Select(o => o.Item1).Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        var amount = document.GetProperty("components").GetProperty("schemas").GetProperty("PaymentAnswer").GetProperty("properties").GetProperty("amount");
        Assert.Equal("decimal", amount.GetProperty("format").GetString());
    }
}
