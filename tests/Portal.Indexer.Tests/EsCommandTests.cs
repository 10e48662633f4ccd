using Portal.Tests;

namespace Portal.Indexer.Tests;

public class EsCommandTests
{
    [Fact]
    public void Es_commands_say_how_to_choose_Elasticsearch_when_the_payment_index_is_Lucene()
    {
        using var data = new SampleData();
        var r = IndexerProcess.Run(data, "es", "status");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Portal__Payments__Index__Provider=elasticsearch", r.Error);
    }
}
