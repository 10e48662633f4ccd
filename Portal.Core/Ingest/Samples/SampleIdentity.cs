using System.Globalization;
using System.Text;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Ingest.Samples;

/// <summary>Made-up people for sample data: common Chinese names, checksum-valid ID numbers of a real county, phone and bank numbers that look real.</summary>
public static class SampleIdentity
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "欧阳", "司马", "诸葛"];
    private const string GivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰志强春梅海燕国庆红梅金凤德福广才秋菊长青书田永生";

    /// <summary>Someone of <paramref name="village"/> born in the given years, with <paramref name="surname"/> (a family member's) or a common one.</summary>
    public static SamplePerson Person(Random random, string countyCode, Region village, string? surname, int bornFrom, int bornTo)
    {
        var name = Name(random, surname);
        var phone = Digits(random, "1", 10);
        var bank = Digits(random, "6228", 15);
        var earliest = new DateOnly(bornFrom, 1, 1);
        return new SamplePerson(name, IdNumberFor(random, countyCode, earliest, new DateOnly(bornTo, 12, 31).DayNumber - earliest.DayNumber + 1), phone, bank, village);
    }

    public static string Name(Random random, string? surname = null)
    {
        surname ??= Surnames[random.Next(Surnames.Length)];
        var length = random.Next(10) < 3 ? 1 : 2;
        var given = new StringBuilder();
        for (var i = 0; i < length; i++) given.Append(GivenChars[random.Next(GivenChars.Length)]);
        return surname + given;
    }

    public static string SurnameOf(string name) => Surnames.FirstOrDefault(s => s.Length == 2 && name.StartsWith(s, StringComparison.Ordinal)) ?? name[..1];

    /// <summary>A made-up number of someone born within <paramref name="days"/> days from <paramref name="earliest"/>, registered in the county.</summary>
    public static string IdNumberFor(Random random, string countyCode, DateOnly earliest, int days)
    {
        var birth = earliest.AddDays(random.Next(days));
        var body = countyCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
        return body + IdNumber.CheckCharacter(body);
    }

    public static string Digits(Random random, string prefix, int length)
    {
        var sb = new StringBuilder(prefix);
        sb.Append("3578"[random.Next(4)]);
        while (sb.Length < length + prefix.Length) sb.Append((char)('0' + random.Next(10)));
        return sb.ToString();
    }
}
