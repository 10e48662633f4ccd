namespace Portal.Core.Ingest;

/// <summary>A department file that cannot be read at all. The message names the file (and the row, where there is one).</summary>
public sealed class ExportFileException(string message, Exception? inner = null) : Exception(message, inner);
