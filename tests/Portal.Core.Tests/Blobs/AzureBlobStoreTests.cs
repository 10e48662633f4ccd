using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Portal.Core.Blobs;
using Portal.Tests;

namespace Portal.Core.Tests.Blobs;

/// <summary>The blob store behaviours against Azurite (<c>PORTAL_TEST_AZURITE</c>, started by ./test.sh).</summary>
public sealed class AzureBlobStoreTests : BlobStoreBehaviour, IDisposable
{
    private readonly List<string> _containers = [];

    protected override IBlobStore StoreFor(string container)
    {
        var store = new AzureBlobStore(TestServers.RequireAzurite(), container);
        _containers.Add(container);
        return store;
    }

    [AzuriteFact]
    public async Task A_container_the_store_creates_is_private()
    {
        var container = NewContainerName();
        await Put(StoreFor(container), "reports/a.pdf", Bytes(10));
        var client = new BlobContainerClient(TestServers.RequireAzurite(), container);

        var policy = await client.GetAccessPolicyAsync();
        var anonymous = new BlobClient(client.GetBlobClient("reports/a.pdf").Uri);
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => anonymous.DownloadContentAsync());

        Assert.Equal(PublicAccessType.None, policy.Value.BlobPublicAccess);
        Assert.NotEqual(200, refused.Status);
    }

    [Fact]
    public void Every_blob_store_behaviour_is_also_run_against_Azurite()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(BlobStoreBehaviour), GetType(), typeof(AzuriteFactAttribute)));
    }

    // Each behaviour again, marked to need Azurite.
    [AzuriteFact] public override Task A_blob_put_is_read_back_byte_for_byte() => base.A_blob_put_is_read_back_byte_for_byte();
    [AzuriteFact] public override Task A_blob_put_again_replaces_the_old_bytes() => base.A_blob_put_again_replaces_the_old_bytes();
    [AzuriteFact] public override Task Opening_a_blob_that_is_not_there_gives_null() => base.Opening_a_blob_that_is_not_there_gives_null();
    [AzuriteFact] public override Task A_deleted_blob_is_gone_and_deleting_one_that_is_not_there_is_fine() => base.A_deleted_blob_is_gone_and_deleting_one_that_is_not_there_is_fine();
    [AzuriteFact] public override Task Listing_by_prefix_gives_exactly_the_blobs_under_it_with_their_lengths() => base.Listing_by_prefix_gives_exactly_the_blobs_under_it_with_their_lengths();
    [AzuriteFact] public override Task A_second_store_on_the_same_container_sees_the_same_blobs() => base.A_second_store_on_the_same_container_sees_the_same_blobs();
    [AzuriteFact] public override Task Names_that_could_escape_their_container_are_refused() => base.Names_that_could_escape_their_container_are_refused();

    public void Dispose()
    {
        foreach (var container in _containers)
            new BlobContainerClient(TestServers.RequireAzurite(), container).DeleteIfExists();
    }
}
