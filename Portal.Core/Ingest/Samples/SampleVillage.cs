using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Ingest.Samples;

/// <summary>
/// A sample village as full as a real one: a few hundred households; most paid 耕地地力保护补贴 once a year, 5–10% on
/// 低保 every month (城市低保 in a 社区), the over-80s 高龄津贴 each quarter, some disabled people 困难残疾人生活补贴 or
/// 重度残疾人护理补贴 every month, one or two 特困 people living alone, and now and then 临时救助. Each fund is paid as
/// often as content/funds.yaml says; a fund the catalogue lacks is left out.
/// </summary>
public sealed class SampleVillage(FundCatalog funds, int seed = 12388)
{
    /// <summary>The month 耕地地力保护补贴 reaches farmers; every fund paid once a year is paid then.</summary>
    public const int YearlyPaymentMonth = 5;

    /// <summary>The households of <paramref name="village"/> and their rows over <paramref name="months"/>; the same seed and village give the same rows.</summary>
    /// <param name="takenIds">ID numbers already given to someone in the county; new people get others, and theirs are added.</param>
    public FullVillage Generate(Region village, IReadOnlyList<Period> months, ISet<string> takenIds)
    {
        if (!village.IsVillage) throw new ArgumentException($"{village.Name}（{village.Code}）不是村级区划。");
        // Each village its own sequence, so a village's rows do not depend on which other villages are generated.
        var random = new Random(unchecked(seed * 1_000_003 + (int)(long.Parse(village.Code, System.Globalization.CultureInfo.InvariantCulture) % 1_000_000_007)));
        var households = 200 + random.Next(300);
        return new FullVillage(village, households, Rows(village, months, takenIds, random, households).ToList());
    }

    private IEnumerable<SampleRow> Rows(Region village, IReadOnlyList<Period> months, ISet<string> takenIds, Random random, int count)
    {
        var county = village.Code[..6];
        var thisYear = months[^1].Year;
        var community = village.Name.Contains("社区", StringComparison.Ordinal);
        var dibao = funds.ByCode(community ? "urban-dibao" : "rural-dibao");
        var farmland = funds.ByCode("farmland-protection");
        var elderly = funds.ByCode("elderly-allowance");
        var living = funds.ByCode("disability-living");
        var care = funds.ByCode("disability-care");
        var tekun = funds.ByCode("tekun");
        var aid = funds.ByCode("temporary-aid");

        SamplePerson NewPerson(string? surname, int bornFrom, int bornTo)
        {
            while (true)
            {
                var person = SampleIdentity.Person(random, county, village, surname, bornFrom, bornTo);
                if (takenIds.Add(person.IdNumber)) return person;
            }
        }
        IEnumerable<SampleRow> Paid(SamplePerson person, Fund? fund, decimal amount, int household) =>
            fund is null ? [] : PaidMonths(fund, months).Select(m => new SampleRow(person, fund, m, Math.Min(amount, fund.MaxAmount), household));

        var onDibao = Math.Clamp((int)Math.Round(count * (0.05 + 0.05 * random.NextDouble())), (count + 19) / 20, count / 10);
        // 亩 of contracted land times the county's rate per 亩.
        var ratePerMu = 95m + random.Next(30);
        for (var h = 0; h < count; h++)
        {
            var size = 1 + random.Next(6);
            var head = NewPerson(null, thisYear - 75, thisYear - 25);
            var surname = SampleIdentity.SurnameOf(head.Name);
            if (!community && random.NextDouble() < 0.9)
            {
                var mu = (15 + random.Next(136)) / 10m * Math.Min(size, 4);
                foreach (var row in Paid(head, farmland, Math.Round(mu * ratePerMu, 2), size)) yield return row;
            }
            var poor = h < onDibao;
            if (poor)
            {
                // 低保 makes up the gap to the local standard for each member, so a bigger household gets more.
                var perPerson = community ? 400 + random.Next(250) : 180 + random.Next(240);
                foreach (var row in Paid(head, dibao, perPerson * Math.Min(size, 4), size)) yield return row;
            }
            if (size > 1 && random.NextDouble() < 0.12)
            {
                var age = 80 + (int)(20 * random.NextDouble() * random.NextDouble());
                // Born two years before the age reached this year, so the elder is 80 in every month of the window.
                var elder = NewPerson(surname, thisYear - age - 2, thisYear - age - 2);
                var quarterly = age >= 90 ? 600m : 300m;
                foreach (var row in Paid(elder, elderly, quarterly, size)) yield return row;
            }
            // 困难残疾人生活补贴 goes to the disabled of 低保 households; 重度残疾人护理补贴 to anyone severely disabled.
            var livingAid = poor && random.NextDouble() < 0.3;
            var careAid = random.NextDouble() < 0.02;
            if (livingAid || careAid)
            {
                var disabled = size == 1 ? head : NewPerson(surname, thisYear - 70, thisYear - 5);
                if (livingAid) foreach (var row in Paid(disabled, living, 80 + 10 * random.Next(3), size)) yield return row;
                if (careAid) foreach (var row in Paid(disabled, care, 80 + 10 * random.Next(3), size)) yield return row;
            }
        }
        // 特困 people live alone and are never on 低保 as well (the two funds exclude each other).
        for (var i = 1 + random.Next(3); i > 0; i--)
        {
            var alone = NewPerson(null, thisYear - 85, thisYear - 50);
            foreach (var row in Paid(alone, tekun, 600 + 10 * random.Next(30), 1)) yield return row;
        }
        if (aid is not null)
        {
            for (var i = random.Next(4); i > 0; i--)
            {
                var person = NewPerson(null, thisYear - 75, thisYear - 25);
                yield return new SampleRow(person, aid, months[random.Next(months.Count)], 500 + 100 * random.Next(46), 1 + random.Next(6));
            }
        }
    }

    /// <summary>The months a fund pays in: every month, the last month of each quarter, or May of each year.</summary>
    public static IEnumerable<Period> PaidMonths(Fund fund, IEnumerable<Period> months) => months.Where(m => fund.Schedule.Frequency switch
    {
        FundFrequency.Monthly => true,
        FundFrequency.Quarterly => m.Month % 3 == 0,
        _ => m.Month == YearlyPaymentMonth,
    });
}

/// <summary>A generated village: how many households it has, and the rows of those who are paid.</summary>
public sealed record FullVillage(Region Village, int Households, IReadOnlyList<SampleRow> Rows);
