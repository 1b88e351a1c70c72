using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Tests.Unit;

public sealed class IdentityCodeTests
{
    private static readonly DivisionRegistry Divisions = DivisionRegistry.Shipped;
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("371602199003151236", "1990-03-15", "男", "山东省滨州市滨城区")]
    [InlineData("371621198506213026", "1985-06-21", "女", "山东省滨州市惠民县")]
    [InlineData("37160219880808104X", "1988-08-08", "女", "山东省滨州市滨城区")]
    [InlineData("37160219880808104x", "1988-08-08", "女", "山东省滨州市滨城区")]
    public void Accepts_valid_resident_ids_and_reads_them(string id, string birth, string sex, string region)
    {
        var check = ResidentId.Check(id, Divisions, Today);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.Equal(id.ToUpperInvariant(), check.Normalized);
        Assert.Equal(birth, check.Details["birthDate"]);
        Assert.Equal(sex, check.Details["sex"]);
        Assert.Equal(region, check.Details["region"]);
    }

    [Fact]
    public void Accepts_an_id_issued_under_a_withdrawn_region_code()
    {
        // 110103 崇文区 was merged into 东城区 in 2010; IDs issued there keep the code.
        var check = ResidentId.Check("110103198001010013", Divisions, Today);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.Contains("已撤销", check.Details["region"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("371602199003151235", "校验码不正确")]
    [InlineData("371602199002301234", "不是真实存在的日期")]
    [InlineData("371602203001011234", "晚于今天")]
    [InlineData("999999199003151234", "不是 1981 年以来使用过的行政区划代码")]
    [InlineData("37160219900315123", "应为 18 位")]
    [InlineData("37160219900315123A", "应为数字或字母 X")]
    [InlineData("3716021990031A1236", "前 17 位应全部为数字")]
    [InlineData("371602900315123", "15 位旧身份证号")]
    public void Rejects_invalid_resident_ids_with_a_chinese_reason(string id, string reason)
    {
        var check = ResidentId.Check(id, Divisions, Today);
        Assert.False(check.Valid);
        Assert.Contains(check.Errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("91371602MA3C8K2L6B", "企业")]
    [InlineData("91350100M000100Y43", "企业")]
    public void Accepts_valid_uscc(string code, string category)
    {
        var check = Uscc.Check(code, Divisions);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.Equal(category, check.Details["category"]);
    }

    [Theory]
    [InlineData("91371602MA3C8K2L6C", "校验码不正确")]
    [InlineData("91371602MA3C8K2I6B", "不得包含字母 I")]
    [InlineData("91371602MA3C8K2O6B", "不得包含字母 O")]
    [InlineData("94371602MA3C8K2L6B", "不属于登记管理部门")]
    [InlineData("B1371602MA3C8K2L6B", "登记管理部门代码 B 无效")]
    [InlineData("91999999MA3C8K2L6B", "不是有效的行政区划代码")]
    [InlineData("91371602MA3C8K2L6", "应为 18 位")]
    public void Rejects_invalid_uscc_with_a_chinese_reason(string code, string reason)
    {
        var check = Uscc.Check(code, Divisions);
        Assert.False(check.Valid);
        Assert.Contains(check.Errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_organisation_code_check_is_only_a_warning()
    {
        // Organisation code MA3C8K2L7 has the wrong check digit (6 is right); recompute the USCC check so only that is off.
        var first17 = "91371602MA3C8K2L7";
        var code = first17 + Uscc.CheckCharacter(first17);
        var check = Uscc.Check(code, Divisions);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.Single(check.Warnings);
    }

    [Theory]
    [InlineData("13805431234", true)]
    [InlineData("+86 138-0543-1234", true)]
    [InlineData("12805431234", false)]
    [InlineData("1380543123", false)]
    public void Checks_mobiles(string mobile, bool valid) => Assert.Equal(valid, Mobile.Check(mobile).Valid);

    [Fact]
    public void Masks_personal_data()
    {
        Assert.Equal("3716**********1236", Mask.IdentityCode("371602199003151236"));
        Assert.Equal("138****1234", Mask.Mobile("13805431234"));
        Assert.Equal("李*", Mask.Name("李明"));
    }
}
