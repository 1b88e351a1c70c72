namespace OneWindow.Modules.Hotline.Domain;

/// <summary>
/// The words of a Chinese text as the 知识库 search and the dispatch suggestions count them: every pair of neighbouring Han
/// characters (电梯故障 → 电梯, 梯故, 故障), and Latin words and numbers whole, lower-cased. No dictionary to keep up, and
/// the pairs that matter (电梯, 物业, 噪音) recur across orders about the same thing.
/// </summary>
internal static class Bigrams
{
    private static readonly HashSet<string> Stop = ["我们", "你们", "他们", "一个", "这个", "那个", "什么", "没有", "可以", "已经", "问题", "反映", "希望", "请求", "相关", "部门", "处理", "情况"];

    public static IReadOnlySet<string> Of(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var latin = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsHan(c))
            {
                Flush();
                if (i + 1 < text.Length && IsHan(text[i + 1]) && text.Substring(i, 2) is var pair && !Stop.Contains(pair))
                {
                    words.Add(pair);
                }
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                latin.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (latin.Length >= 2)
            {
                words.Add(latin.ToString());
            }

            latin.Clear();
        }
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
