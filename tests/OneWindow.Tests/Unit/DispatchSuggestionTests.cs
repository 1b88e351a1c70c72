using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;

namespace OneWindow.Tests.Unit;

/// <summary>Issue 21, must show 6: on the demo history, the department that finally handled an order is among the top three suggestions for at least 80 % of orders held out of the counts.</summary>
public sealed class DispatchSuggestionTests
{
    [Fact]
    public void The_right_department_is_in_the_top_three_for_at_least_four_in_five_held_out_demo_orders()
    {
        var history = HotlineDemoData.History();
        Assert.True(history.Count >= 200);
        var counts = new DispatchSuggestions.Counts();
        var heldOut = new List<DemoOrder>();
        for (var i = 0; i < history.Count; i++)
        {
            if (i % 5 == 0)
            {
                heldOut.Add(history[i]);
            }
            else
            {
                counts.Add(new DispatchHistory(history[i].CategoryCode, history[i].RegionCode, history[i].Content, history[i].Department));
            }
        }

        var hits = heldOut.Count(o =>
            DispatchSuggestions.Rank(counts, o.CategoryCode, o.RegionCode, o.Content, d => Regions.Covers(d[..6], o.RegionCode) || Regions.Covers(o.RegionCode, d[..6]), 3)
                .Any(s => s.Department == o.Department));
        var share = (double)hits / heldOut.Count;
        Assert.True(share >= 0.8, $"top-3 hit rate {share:P0} on {heldOut.Count} held-out orders");

        // And it is not the trivial answer: a county's elevator goes to that county's 住建局 first.
        var county = DispatchSuggestions.Rank(counts, "010101", DemoCity.Huimin, "小区电梯故障停运，物业不修", _ => true, 3);
        Assert.Equal($"{DemoCity.Huimin}-ZJJ", county[0].Department);
        Assert.InRange(county.Sum(s => s.Share), 90, 101);
    }
}
