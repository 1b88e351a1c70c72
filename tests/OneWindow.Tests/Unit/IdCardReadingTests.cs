using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Tests.Unit;

/// <summary>The counter's ID card reader box: the reader's keyboard output, in the forms desk readers put it out.</summary>
public sealed class IdCardReadingTests
{
    [Theory]
    [InlineData("李明\t男\t汉\t19900315\t山东省滨州市滨城区黄河五路597号\t371602199003151236\t滨州市公安局滨城分局\t2020.01.01-2040.01.01")]
    [InlineData("姓名：李明\n性别：男\n民族：汉\n出生：1990年03月15日\n住址：山东省滨州市滨城区黄河五路597号\n公民身份号码：371602199003151236\n")]
    [InlineData("李明|男|汉族|1990-03-15|山东省滨州市滨城区黄河五路597号|371602199003151236")]
    public void The_name_number_and_address_are_read_whatever_the_separator(string output)
    {
        var card = IdCardReading.Parse(output);
        Assert.NotNull(card);
        Assert.Equal("李明", card.Name);
        Assert.Equal("371602199003151236", card.IdNumber);
        Assert.Equal("山东省滨州市滨城区黄河五路597号", card.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("李明\t男\t371602199003151237")] // wrong check character
    [InlineData("男\t汉\t371602199003151236")] // no name
    [InlineData("不是身份证")]
    public void Anything_else_is_not_a_card(string output) => Assert.Null(IdCardReading.Parse(output));

    [Fact]
    public void A_lower_case_x_check_character_is_read_as_upper_case_and_a_middle_dot_name_is_kept()
    {
        var card = IdCardReading.Parse("阿依古丽·买买提\t女\t维吾尔族\t11010519491231002x");
        Assert.Equal("阿依古丽·买买提", card?.Name);
        Assert.Equal("11010519491231002X", card?.IdNumber);
    }
}
