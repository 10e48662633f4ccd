using System.Xml;

namespace Portal.Core.WeChat;

/// <summary>
/// Reads WeChat's flat XML (&lt;xml&gt;&lt;Field&gt;value&lt;/Field&gt;…&lt;/xml&gt;) and nothing more: no DTD, so no entity
/// expansion or external entity (XXE) can be smuggled in; no resolver; a size cap.
/// </summary>
public static class SafeXml
{
    /// <summary>A WeChat message is a few hundred bytes; the longest text a user can send is 2,048 characters.</summary>
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>The root's fields by name (nested elements are skipped), or null when the text is not such XML.</summary>
    public static IReadOnlyDictionary<string, string>? ReadFields(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return Read(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static Dictionary<string, string>? Read(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.Name != "xml") return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.IsEmptyElement) return fields;
        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            var name = reader.Name;
            if (reader.IsEmptyElement)
            {
                fields[name] = "";
                reader.Read();
                continue;
            }
            reader.Read();
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.EndElement)
            {
                var value = reader.NodeType == XmlNodeType.EndElement ? "" : reader.ReadContentAsString();
                if (reader.NodeType != XmlNodeType.EndElement) return null;
                fields[name] = value;
                reader.Read();
            }
            else
            {
                // A nested group (ScanCodeInfo, SendPicsInfo…): not needed, read past it.
                while (!(reader.NodeType == XmlNodeType.EndElement && reader.Name == name && reader.Depth == 1)) reader.Read();
                reader.Read();
            }
        }
        if (reader.NodeType != XmlNodeType.EndElement || reader.Name != "xml") return null;
        // Anything after the root (a second document) makes the text malformed.
        reader.Read();
        return reader.MoveToContent() == XmlNodeType.None ? fields : null;
    }
}
