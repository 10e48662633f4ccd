using Microsoft.AspNetCore.Http;
using Portal.Core.Reports;

namespace Portal.Hosting;

public static class IncomingFiles
{
    /// <summary>The files a form posted under one name, as the site and the API both receive them.</summary>
    public static List<IncomingFile> From(IFormFileCollection files, string name) =>
        files.GetFiles(name).Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
}
