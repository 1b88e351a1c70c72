using System.Diagnostics;

namespace OneWindow.Tests.Infrastructure;

/// <summary>Command-line tools the test command installs (zbarimg from zbar-tools, pdftotext and pdftoppm from poppler-utils).</summary>
public static class Tools
{
    public static string Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error}");
        return output;
    }

    /// <summary>The text of every QR code zbarimg finds in an image.</summary>
    public static string ReadQr(string png) => Run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png).TrimEnd('\n');
}
