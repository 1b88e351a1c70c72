namespace OneWindow.Platform;

/// <summary>Distances on the ground between coordinates (WGS-84 degrees): the travel a remote inspection saves, the nearest service site.</summary>
public static class Geo
{
    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public static double Kilometres(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2));
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>"lat,lng" as two numbers in range, or null.</summary>
    public static (double Lat, double Lng)? Parse(string? text)
    {
        var parts = text?.Split(',', StringSplitOptions.TrimEntries);
        return parts is { Length: 2 }
               && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lat)
               && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lng)
               && lat is >= -90 and <= 90 && lng is >= -180 and <= 180
            ? (lat, lng)
            : null;
    }
}
