namespace Portal.Core.Blobs;

/// <summary>Where blobs live: a folder under the data directory by default, Azure Blob Storage by configuration.</summary>
public sealed class BlobStorageOptions
{
    public const string Section = "Portal:Blobs";

    /// <summary><c>file</c> (default) or <c>azure</c>.</summary>
    public string Provider { get; set; } = "file";

    /// <summary>For <c>file</c>: the root folder; empty means <c>blobs</c> in the data directory.</summary>
    public string Directory { get; set; } = "";

    /// <summary>For <c>azure</c>: a storage connection string (Azurite's well-known one in tests).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Put before every container name, so several deployments can share one storage account (“county-a-”).</summary>
    public string ContainerPrefix { get; set; } = "";

    public bool IsAzure => string.Equals(Provider, "azure", StringComparison.OrdinalIgnoreCase);
}
