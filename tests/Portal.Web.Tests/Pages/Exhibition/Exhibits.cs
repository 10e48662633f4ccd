using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Exhibition;

/// <summary>The press office's way to publish: one officer writes and submits a text exhibit, another approves it now.</summary>
public static class Exhibits
{
    public static async Task PublishAsync(IServiceProvider services, string hall, string slug, string title)
    {
        // Halls are city-wide: the city office's press officers publish them.
        var officer = new StaffActor(Guid.NewGuid(), "宣传干事", StaffRoles.Press, "4102");
        var reviewer = new StaffActor(Guid.NewGuid(), "宣传科长", StaffRoles.Press, "4102");
        using var scope = services.CreateScope();
        var publishing = scope.ServiceProvider.GetRequiredService<ExhibitionPublishing>();
        var text = new ExhibitionFields { Title = title, Kind = ExhibitKind.Text, Body = "文字稿" }.Compose(ExhibitionItemKind.Exhibit);
        var item = await publishing.CreateAsync(officer, new NewExhibitionItem(ExhibitionItemKind.Exhibit, $"{hall}/{slug}", 99, text));
        await publishing.SubmitAsync(officer, item.Id, item.Revision);
        var submitted = await publishing.FindAsync(reviewer, item.Id);
        await publishing.ApproveAsync(reviewer, item.Id, submitted!.Revision);
    }
}
