namespace Portal.Core.Blobs;

public static class BlobStores
{
    /// <summary>The store for one container, on the provider the configuration names.</summary>
    public static IBlobStore Create(BlobStorageOptions blobs, PortalOptions portal, string container)
    {
        container = blobs.ContainerPrefix + container;
        if (!blobs.IsAzure)
            return new FileBlobStore(blobs.Directory.Length > 0 ? blobs.Directory : Path.Combine(Path.GetFullPath(portal.DataDirectory), "blobs"), container);
        if (blobs.ConnectionString.Length == 0)
            throw new InvalidOperationException("Portal:Blobs:Provider 为 azure 时必须设置 Portal:Blobs:ConnectionString（Azure 存储账户的连接字符串）。");
        return new AzureBlobStore(blobs.ConnectionString, container);
    }
}
