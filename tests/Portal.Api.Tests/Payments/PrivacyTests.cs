using System.Net.Http.Json;
using System.Text;

namespace Portal.Api.Tests.Payments;

[Collection(ApiCollection.Name)]
public class PrivacyTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task No_answer_or_log_line_contains_a_full_name_id_number_phone_or_bank_account()
    {
        var data = factory.Data;
        var village = data.Rows[0].Person.Village;
        var answers = new StringBuilder();
        foreach (var url in new[] { "/api/v1/funds", "/api/v1/regions/0", "/api/v1/regions/410221", $"/api/v1/regions/{village.ParentCode}", $"/api/v1/regions/{village.Code}", "/openapi/v1.json" })
            answers.Append(await _client.GetStringAsync(url));
        for (var page = 1; (page - 1) * 100 < data.Rows.Count; page++)
            answers.Append(await _client.GetStringAsync($"/api/v1/payments?region=410221&sort=name&pageSize=100&page={page}"));
        answers.Append(await _client.GetStringAsync($"/api/v1/payments?q={Uri.EscapeDataString(data.Rows[0].Person.Name[..1])}&pageSize=100"));
        foreach (var person in data.Rows.Select(r => r.Person).Distinct().Take(20))
        {
            var response = await _client.PostAsJsonAsync("/api/v1/payments/lookup", new { name = person.Name, idNumber = person.IdNumber });
            answers.Append(await response.Content.ReadAsStringAsync());
        }

        var text = answers.ToString();
        var logs = factory.Logs.Text;
        Assert.Contains(data.Rows[0].Person.Name[..1] + "*", text);
        Assert.Contains("/api/v1/payments/lookup", logs);
        foreach (var person in data.Rows.Select(r => r.Person).Distinct())
            foreach (var secret in new[] { person.Name, person.IdNumber, person.Phone, person.BankAccount })
            {
                Assert.DoesNotContain(secret, text);
                Assert.DoesNotContain(secret, logs);
            }
    }
}
