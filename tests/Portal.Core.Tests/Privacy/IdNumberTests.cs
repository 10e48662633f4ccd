using Portal.Core.Privacy;

namespace Portal.Core.Tests.Privacy;

public class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X")] // the example printed in GB 11643-1999
    [InlineData("431281198507041239")]
    [InlineData("330109197001010210")]
    [InlineData("11010519491231002x")]
    [InlineData(" 110105 19491231 002X ")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    public void Accepts_numbers_whose_check_character_matches(string id) =>
        Assert.Equal(IdNumberProblem.None, IdNumber.Check(id, Today));

    [Theory]
    [InlineData("110105194912310021", IdNumberProblem.Checksum)]
    [InlineData("431281198507041238", IdNumberProblem.Checksum)]
    [InlineData("4.10221E+17", IdNumberProblem.Scientific)]
    [InlineData("4.10221199001E+17", IdNumberProblem.Scientific)]
    [InlineData("110105491231002", IdNumberProblem.Legacy15)]
    [InlineData("11010519491331002X", IdNumberProblem.BirthDate)]
    [InlineData("11010520991231002X", IdNumberProblem.BirthDate)]
    [InlineData("1101051949123100", IdNumberProblem.Format)]
    [InlineData("11010519491231002Y", IdNumberProblem.Format)]
    [InlineData("", IdNumberProblem.Missing)]
    public void Names_what_is_wrong_with_a_bad_number(string id, IdNumberProblem problem) =>
        Assert.Equal(problem, IdNumber.Check(id, Today));

    [Fact]
    public void The_check_character_is_computed_by_the_mod_11_2_rule() =>
        Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));

    [Fact]
    public void Masking_keeps_only_the_region_prefix_and_the_last_four() =>
        Assert.Equal("110105********002X", IdNumber.Mask("11010519491231002X"));
}
