using System.Text.Json;

namespace Portal.Api.Tests;

[Collection(ApiCollection.Name)]
public class OpenApiTests(PortalApiFactory factory)
{
    private static readonly (string Path, string Method)[] Operations =
    [
        ("/api/v1/funds", "get"), ("/api/v1/regions/search", "get"), ("/api/v1/regions/{code}", "get"), ("/api/v1/payments", "get"), ("/api/v1/payments/lookup", "post"),
        ("/api/v1/publication-status", "get"),
        ("/api/v1/reports", "post"), ("/api/v1/reports/progress", "post"), ("/api/v1/reports/supplements", "post"), ("/api/v1/reports/urgings", "post"),
        ("/api/v1/reports/proofs/verify", "post"), ("/api/v1/reports/proofs/key", "get"),
        ("/api/v1/exhibition/halls", "get"), ("/api/v1/exhibition/halls/{slug}", "get"), ("/api/v1/exhibition/exhibits/{id}", "get"),
        ("/api/v1/news", "get"), ("/api/v1/news/{id}", "get"),
        ("/api/v1/submissions", "post"), ("/api/v1/submissions/{id}", "get"),
        ("/api/v1/supervision/summary", "get"),
        ("/api/v1/statistics/reports", "get"),
    ];

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint_with_a_chinese_summary_and_amounts_as_decimals()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths");
        foreach (var (path, method) in Operations)
        {
            var summary = paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString();
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", summary);
        }
        Assert.Equal(Operations.Select(o => o.Path).Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        var amount = document.GetProperty("components").GetProperty("schemas").GetProperty("PaymentAnswer").GetProperty("properties").GetProperty("amount");
        Assert.Equal("decimal", amount.GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_submission_endpoint_is_described_as_one_file_with_an_example_answer()
    {
        var document = await DocumentAsync();

        var body = document.GetProperty("paths").GetProperty("/api/v1/submissions").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        Assert.Equal("binary", body.GetProperty("schema").GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("SubmissionAnswer").GetProperty("examples")[0];
        Assert.Equal(300, example.GetProperty("summary").GetProperty("rowsPublished").GetInt32());
    }

    [Fact]
    public async Task Supervision_counts_are_described_as_a_number_or_the_words_fewer_than_three()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var count = schemas.GetProperty("PublicCount");
        Assert.Equal(["integer", "string"], count.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Contains("少于3", count.GetProperty("description").GetString());
        var example = schemas.GetProperty("SupervisionSummaryAnswer").GetProperty("examples")[0];
        Assert.Equal(15720, example.GetProperty("checked").GetInt32());
    }

    [Fact]
    public async Task The_report_statistics_answer_is_described_with_an_example_and_counts_that_may_be_fewer_than_three()
    {
        var document = await DocumentAsync();

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("ReportStatisticsAnswer");
        Assert.Equal("#/components/schemas/PublicCount", schema.GetProperty("properties").GetProperty("received").GetProperty("$ref").GetString());
        Assert.Equal(64, schema.GetProperty("examples")[0].GetProperty("received").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/reports", "report", "password")]
    [InlineData("/api/v1/reports/supplements", "supplement", "queryCode")]
    public async Task Uploads_are_described_as_a_json_part_and_up_to_five_files(string path, string part, string field)
    {
        var document = await DocumentAsync();

        var body = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        var parts = body.GetProperty("schema").GetProperty("properties");
        Assert.True(parts.GetProperty(part).GetProperty("properties").TryGetProperty(field, out _));
        Assert.Equal("application/json", body.GetProperty("encoding").GetProperty(part).GetProperty("contentType").GetString());
        Assert.Equal(5, parts.GetProperty("files").GetProperty("maxItems").GetInt32());
        Assert.Equal("binary", parts.GetProperty("files").GetProperty("items").GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_receipt_schema_says_the_query_code_is_shown_once_and_times_are_beijing_time()
    {
        var document = await DocumentAsync();

        var created = document.GetProperty("paths").GetProperty("/api/v1/reports").GetProperty("post").GetProperty("responses").GetProperty("201");
        Assert.EndsWith("/ReceiptAnswer", created.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var receipt = document.GetProperty("components").GetProperty("schemas").GetProperty("ReceiptAnswer").GetProperty("properties");
        Assert.Contains("只在这一次", receipt.GetProperty("queryCode").GetProperty("description").GetString());
        Assert.Contains("+08:00", receipt.GetProperty("filedAt").GetProperty("description").GetString());
        Assert.Contains("+08:00", document.GetProperty("info").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/api/v1/exhibition/halls", null)]
    [InlineData("/api/v1/exhibition/halls/{slug}", "HallAnswer")]
    [InlineData("/api/v1/exhibition/exhibits/{id}", "ExhibitAnswer")]
    [InlineData("/api/v1/news", "NewsPageAnswer")]
    [InlineData("/api/v1/news/{id}", "ArticleAnswer")]
    public async Task Exhibition_and_news_endpoints_document_their_answer_the_etag_revalidation_and_absolute_media_addresses(string path, string? answer)
    {
        var document = await DocumentAsync();

        var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        var responses = get.GetProperty("responses");
        var schema = responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.EndsWith("/" + (answer ?? "HallSummaryAnswer"), (answer is null ? schema.GetProperty("items") : schema).GetProperty("$ref").GetString());
        Assert.Contains("Cache-Control", responses.GetProperty("200").GetProperty("headers").EnumerateObject().Select(h => h.Name));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", responses.GetProperty("304").GetProperty("description").GetString());
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-None-Match" && p.GetProperty("in").GetString() == "header");
        Assert.Contains("Portal:PublicBaseUrl", get.GetProperty("description").GetString());
        var media = document.GetProperty("components").GetProperty("schemas").GetProperty("MediaAnswer").GetProperty("properties");
        Assert.Contains("绝对地址", media.GetProperty("url").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("FundAnswer", "name", "农村低保")]
    [InlineData("PaymentAnswer", "maskedName", "张*明")]
    [InlineData("PaymentPageAnswer", "next", "/api/v1/payments?region=410221101201&page=2")]
    [InlineData("LookupRequest", "idNumber", "41022119800101123X")]
    [InlineData("ProofRequest", "proof", "回执上的存证码")]
    [InlineData("ProgressAnswer", "status", "已受理")]
    public async Task Requests_and_answers_carry_an_example_in_the_shape_a_client_sends_or_reads(string schema, string property, string value)
    {
        var document = await DocumentAsync();

        var example = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("examples")[0];
        Assert.Equal(value, example.GetProperty(property).GetString());
        var declared = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.All(example.EnumerateObject(), field => Assert.Contains(field.Name, declared));
    }

    [Fact]
    public async Task Example_amounts_are_exact_numbers_of_yuan()
    {
        var document = await DocumentAsync();

        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("PaymentAnswer").GetProperty("examples")[0];
        Assert.Equal(356.50m, example.GetProperty("amount").GetDecimal());
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
}
