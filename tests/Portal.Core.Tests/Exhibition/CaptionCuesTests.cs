using Portal.Core.Exhibition;

namespace Portal.Core.Tests.Exhibition;

/// <summary>An audio guide's transcript is read from its WebVTT captions, line by line, as a listener hears them.</summary>
public class CaptionCuesTests
{
    [Fact]
    public void Each_cue_is_one_line_with_its_start_and_end_in_the_order_of_the_file()
    {
        var cues = CaptionCues.Read("WEBVTT\n\n1\n00:00:00.300 --> 00:00:08.037\n欢迎来到第一展厅。\n\n00:08.487 --> 00:14.227 align:start line:90%\n于谦，字廷益，\n浙江钱塘人。\n\n01:02:03.004 --> 01:02:05.000\n最后一句。\n");

        Assert.Equal(
            [
                new CaptionCue(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(8037), "欢迎来到第一展厅。"),
                new CaptionCue(TimeSpan.FromMilliseconds(8487), TimeSpan.FromMilliseconds(14227), "于谦，字廷益， 浙江钱塘人。"),
                new CaptionCue(new TimeSpan(0, 1, 2, 3, 4), new TimeSpan(0, 1, 2, 5, 0), "最后一句。"),
            ],
            cues);
    }

    [Fact]
    public void Notes_styles_and_the_header_are_not_lines_and_cue_markup_is_read_as_the_words_it_marks()
    {
        var cues = CaptionCues.Read("\uFEFFWEBVTT - 语音导览\r\nKind: captions\r\n\r\nNOTE 这段由宣传科校对\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\n" +
            "00:01.000 --> 00:02.000\r\n<v 讲解员>清风&amp;明月</v> <b>两袖</b><00:01.500>清风&nbsp;\r\n");

        Assert.Equal("清风&明月 两袖清风", Assert.Single(cues).Text);
    }

    [Theory]
    [InlineData("00:05.000 --> 00:04.000\n倒着的时间\n")]
    [InlineData("00:61.000 --> 01:02.000\n没有第61秒\n")]
    [InlineData("00:01 --> 00:02\n少了毫秒\n")]
    [InlineData("00:01.000 --> 00:02.000\n<i></i>\n")]
    [InlineData("一\n二\n00:01.000 --> 00:02.000\n时间行在第三行\n")]
    public void A_cue_a_browser_would_not_show_is_left_out_and_the_next_one_is_still_read(string bad)
    {
        var cues = CaptionCues.Read($"WEBVTT\n\n{bad}\n00:03.000 --> 00:04.000\n下一句。\n");

        Assert.Equal(["下一句。"], cues.Select(c => c.Text));
    }
}
