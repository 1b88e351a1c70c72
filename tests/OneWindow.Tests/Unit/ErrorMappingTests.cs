using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Tests.Unit;

public sealed class ErrorMappingTests
{
    [Fact]
    public void Every_error_kind_maps_to_a_client_error_status()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            Assert.InRange(Problems.StatusOf(kind), 400, 499);
        }
    }

    [Fact]
    public void A_field_error_becomes_a_validation_problem_with_the_field()
    {
        var problem = Problems.ToProblemDetails(Error.Field("from", "日期无效"));
        var validation = Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem);
        Assert.Equal("urn:onewindow:validation", problem.Type);
        Assert.Equal(["日期无效"], validation.Errors["from"]);
    }

    [Fact]
    public void Stored_times_keep_microseconds_on_both_providers()
    {
        var t = new DateTimeOffset(2026, 11, 22, 8, 30, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        var back = Timestamps.FromUnixMicros(Timestamps.ToUnixMicros(t));
        Assert.Equal(Timestamps.Normalize(t), back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
        Assert.Equal(t.UtcTicks / 10, back.UtcTicks / 10);
    }
}
