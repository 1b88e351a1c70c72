using OneWindow.Modules;
using OneWindow.Platform;
using OneWindow.Platform.Cli;

// 一窗通办 OneWindow: one modular ASP.NET Core application. This file is its table of contents.
var (args_, demo) = CommandLine.SplitFlags(args);
// Settings are read at start (a change takes a restart): reloading on change would watch the content root,
// where the default SQLite file, its WAL and the notification log live, and wake on every commit.
// --no-demo is also a setting (Demo:Enabled=false): start-up checks (the key ring's protection) tell a clean install from the demo.
var builder = WebApplication.CreateBuilder([.. args_, "--hostBuilder:reloadConfigOnChange=false", .. demo ? Array.Empty<string>() : ["--Demo:Enabled=false"]]);

builder.AddPlatform();
builder.AddModules();

var app = builder.Build();

if (CommandLine.IsVerb(args_))
{
    return await CommandLine.RunAsync(app, args_);
}

app.UsePlatform();
app.MapPlatform();
app.MapModules();

await app.PrepareDatabaseAsync(demo: demo && app.Configuration.GetValue("Demo:Enabled", true));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
