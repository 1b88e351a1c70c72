using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>
/// Base45 (RFC 9285): the encoding QR alphanumeric mode carries most densely. Two bytes become three
/// characters, a last single byte two. Decoding refuses anything that is not a valid encoding.
/// </summary>
internal static class Base45
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length / 2 * 3) + (data.Length % 2 * 2)];
        var o = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            chars[o++] = Alphabet[n % 45];
            chars[o++] = Alphabet[n / 45 % 45];
            chars[o++] = Alphabet[n / (45 * 45)];
        }

        if (data.Length % 2 == 1)
        {
            int n = data[^1];
            chars[o++] = Alphabet[n % 45];
            chars[o] = Alphabet[n / 45];
        }

        return new string(chars);
    }

    public static Result<byte[]> Decode(string text)
    {
        static Error Bad(string why) => Error.Field("payload", "不是有效的 Base45 编码：" + why);
        if (text.Length % 3 == 1)
        {
            return Bad("长度不对");
        }

        var bytes = new List<byte>((text.Length / 3 * 2) + 1);
        for (var i = 0; i < text.Length; i += 3)
        {
            var chunk = Math.Min(3, text.Length - i);
            var n = 0;
            var factor = 1;
            for (var j = 0; j < chunk; j++)
            {
                var v = Alphabet.IndexOf(text[i + j], StringComparison.Ordinal);
                if (v < 0)
                {
                    return Bad($"含有字符“{text[i + j]}”");
                }

                n += v * factor;
                factor *= 45;
            }

            if (chunk == 3)
            {
                if (n > 0xFFFF)
                {
                    return Bad("数值越界");
                }

                bytes.Add((byte)(n >> 8));
                bytes.Add((byte)(n & 0xFF));
            }
            else
            {
                if (n > 0xFF)
                {
                    return Bad("数值越界");
                }

                bytes.Add((byte)n);
            }
        }

        return bytes.ToArray();
    }
}
