using Portal.Core.Exhibition;
using Portal.Tests;

namespace Portal.Core.Tests.Exhibition;

/// <summary>Every picture reserves its space before it loads: its size comes from the file itself.</summary>
public class ImageHeaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-sizes-").FullName;

    [Theory]
    [InlineData("panel.png", 64, 48)]
    [InlineData("photo.jpg", 80, 60)]
    [InlineData("lossy.webp", 30, 20)]
    [InlineData("lossless.webp", 31, 21)]
    [InlineData("alpha.webp", 32, 22)]
    public void Pictures_are_measured_from_their_headers(string fixture, int width, int height) =>
        Assert.Equal(new ImageSize(width, height), Measure(ExhibitionSample.Fixture(fixture)));

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 64 40"/>""", 640, 400)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="300px" height="150.4px"/>""", 300, 150)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0,480,270"/>""", 480, 270)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 800 600"/>""", 800, 600)]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg><!-- 说明 --><svg xmlns="http://www.w3.org/2000/svg" width="12" height="34"/>""", 12, 34)]
    public void An_SVG_is_measured_by_its_size_else_its_view_box(string svg, int width, int height) =>
        Assert.Equal(new ImageSize(width, height), Measure(Write("picture.svg", svg)));

    [Theory]
    [InlineData("broken.svg", "<svg")]
    [InlineData("sizeless.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("text.png", "not a picture")]
    [InlineData("empty.jpg", "")]
    public void A_picture_that_cannot_be_measured_has_no_size_rather_than_a_wrong_one(string name, string text) =>
        Assert.Null(Measure(Write(name, text)));

    [Fact]
    public void A_missing_file_has_no_size() => Assert.Null(Measure(Path.Combine(_folder, "none.png")));

    private static ImageSize? Measure(string path)
    {
        if (!File.Exists(path)) return null;
        using var file = File.OpenRead(path);
        return ImageHeader.Read(file, svg: path.EndsWith(".svg", StringComparison.Ordinal));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
