using OneWindow.Platform.Printing;
using System.Security.Cryptography;
using OneWindow.Modules.Licenses.Domain;

namespace OneWindow.Tests.Unit;

/// <summary>Issue 5 groundwork: Base45, COSE_Sign1 and the 扫码亮证 string, against published vectors.</summary>
public sealed class LicenseCodecTests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    public void Base45_matches_the_rfc_9285_examples(string text, string encoded)
    {
        Assert.Equal(encoded, Base45.Encode(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(Base45.Decode(encoded).Value!));
    }

    [Theory]
    [InlineData("GGW")] // 65,536 does not fit in two bytes (RFC 9285 §4.2)
    [InlineData("ABCD")] // a length of 3n+1 is impossible
    [InlineData("ab!")] // lower case and punctuation are not in the alphabet
    public void Base45_refuses_what_is_not_an_encoding(string text) =>
        Assert.Equal("payload", Base45.Decode(text).Error!.Fields!.Keys.Single());

    private static ECDsa Rfc9052Key()
    {
        var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = System.Buffers.Text.Base64Url.DecodeFromChars("usWxHK2PmfnHKwXPS54m0kTcGJ90UiglWiGahtagnv8"),
                Y = System.Buffers.Text.Base64Url.DecodeFromChars("IBOL-C3BttVivg-lSreASjpkttcsz-1rb7btKLv8EX4"),
            },
        });
        return key;
    }

    [Fact]
    public void The_rfc_9052_single_signer_example_verifies_and_a_changed_payload_does_not()
    {
        var message = Convert.FromHexString(
            "D28443A10126A10442313154546869732069732074686520636F6E74656E742E5840" +
            "8EB33E4CA31D1C465AB05AAC34CC6B23D58FEF5C083106C4D25A91AEF0B0117E" +
            "2AF9A291AA32E14AB834DC56ED2A223444547E01F11D3B0916E5A4C345CACB36");
        using var key = Rfc9052Key();
        var decoded = CoseSign1.Decode(message).Value!;
        Assert.Equal("This is the content.", System.Text.Encoding.ASCII.GetString(decoded.Payload));
        Assert.Equal("11", System.Text.Encoding.ASCII.GetString(decoded.Kid!));
        Assert.True(CoseSign1.Verify(decoded, key));

        // "content." → "content!": the same message with one payload byte changed no longer verifies.
        var changed = message.ToArray();
        changed[Array.IndexOf(changed, (byte)'.', 20)] = (byte)'!';
        var tampered = CoseSign1.Decode(changed).Value!;
        Assert.Equal("This is the content!", System.Text.Encoding.ASCII.GetString(tampered.Payload));
        Assert.False(CoseSign1.Verify(tampered, key));
    }

    private static QrClaims BusinessLicence => new(
        "滨州市市场监督管理局", "1.2.156.3005.2.11371600MB28533835.91371602MA3C8K2L6B.0001.001.X", "BusinessLicense",
        "滨州市黄河餐饮管理有限公司", "913716********2L6B",
        new Dictionary<string, string>
        {
            ["类型"] = "有限责任公司（自然人投资或控股）", ["法定代表人"] = "李明", ["注册资本"] = "100 万元",
            ["住所"] = "山东省滨州市滨城区黄河五路 597 号", ["经营范围"] = "餐饮服务；食品销售；外卖递送服务",
        },
        new DateOnly(2026, 11, 22), null, new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_qr_string_round_trips_verifies_with_the_key_and_fails_after_a_one_character_change()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = Kids.Of(key);
        var text = LicenseQr.Encode(BusinessLicence, kid, key);
        Assert.StartsWith("LC1:", text, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Z $%*+\\-./:]+$", text);

        var message = LicenseQr.Unpack(text).Value!;
        Assert.Equal(kid, message.Kid);
        Assert.True(CoseSign1.Verify(message, key));
        var claims = LicenseQr.Claims(message.Payload).Value!;
        Assert.Equal("滨州市黄河餐饮管理有限公司", claims.HolderName);
        Assert.Equal("李明", claims.Fields["法定代表人"]);
        Assert.Equal(new DateOnly(2026, 11, 22), claims.ValidFrom);

        // Change one character anywhere after the prefix: it no longer decodes, or no longer verifies.
        for (var i = 4; i < text.Length; i += 7)
        {
            var changed = text[..i] + (text[i] == 'A' ? 'B' : 'A') + text[(i + 1)..];
            var unpacked = LicenseQr.Unpack(changed);
            Assert.False(unpacked.IsSuccess && CoseSign1.Verify(unpacked.Value!, key), $"a change at {i} still verified");
        }
    }

    [Fact]
    public void A_typical_business_licence_fits_a_version_20_qr_at_level_q_and_zbarimg_reads_it_back_exactly()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var text = LicenseQr.Encode(BusinessLicence, Kids.Of(key), key);
        using (var data = OneWindow.Platform.Printing.QrImages.Data(text))
        {
            Assert.InRange(data.Version, 1, 20);
        }

        var png = Path.Combine(Path.GetTempPath(), $"onewindow-qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(png, OneWindow.Platform.Printing.QrImages.Png(text));
        var read = Tools.ReadQr(png);
        File.Delete(png);
        Assert.Equal(text, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("LC1:")]
    [InlineData("LC1:ABC")]
    [InlineData("LC1:%69 VD92EX0")]
    public void Garbage_is_a_field_error_not_an_exception(string text) =>
        Assert.Equal("payload", LicenseQr.Unpack(text).Error!.Fields!.Keys.Single());
}
