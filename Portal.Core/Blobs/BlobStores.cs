namespace Portal.Core.Blobs;

public static class BlobStores
{
    /// <summary>The store for one container, on the provider the configuration names.</summary>
    public static IBlobStore Create(BlobStorageOptions blobs, PortalOptions portal, string container) =>
        new FileBlobStore(blobs.Directory.Length > 0 ? blobs.Directory : Path.Combine(Path.GetFullPath(portal.DataDirectory), "blobs"), container);
}
