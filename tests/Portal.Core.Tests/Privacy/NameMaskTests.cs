using Portal.Core.Privacy;

namespace Portal.Core.Tests.Privacy;

public class NameMaskTests
{
    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("李明", "李*")]
    [InlineData("李", "李*")]
    [InlineData("欧阳修明", "欧阳**")]
    [InlineData("欧阳修", "欧阳*")]
    [InlineData("司马相如", "司马**")]
    [InlineData("爱新觉罗", "爱***")]
    [InlineData("阿依古丽·买买提", "阿*******")]
    [InlineData(" 张　三 明 ", "张*明")]
    public void Masks_names_as_the_public_sees_them(string name, string masked) => Assert.Equal(masked, NameMask.Mask(name));

    [Theory]
    [InlineData("王小二")]
    [InlineData("欧阳娜娜")]
    [InlineData("诸葛亮")]
    [InlineData("赵云")]
    public void A_masked_name_hides_at_least_the_character_after_the_surname(string name)
    {
        var masked = NameMask.Mask(name);
        var hidden = name[NameMask.Surname(name).Length];
        Assert.NotEqual(name, masked);
        Assert.DoesNotContain(hidden, masked);
    }

    [Fact]
    public void The_lookup_key_ignores_spacing_and_width_but_not_the_person()
    {
        var key = new OwnerKey(new byte[32]);
        Assert.Equal(key.For("张三明", "11010519491231002X"), key.For(" 张 三明", "11010519491231002x"));
        Assert.NotEqual(key.For("张三明", "11010519491231002X"), key.For("张三民", "11010519491231002X"));
        Assert.NotEqual(key.For("张三明", "11010519491231002X"), new OwnerKey(Enumerable.Repeat((byte)1, 32).ToArray()).For("张三明", "11010519491231002X"));
    }
}
