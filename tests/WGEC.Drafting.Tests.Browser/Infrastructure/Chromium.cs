using Microsoft.Playwright;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// One Playwright and one Debian Chromium per test collection; each test opens its own
/// <see cref="IBrowserContext"/>. Playwright cannot download browsers here, so it drives the
/// system Chromium by path, fully offline. No Chromium is a failure, never a skip: the browser
/// tests are part of "done".
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where the Debian package puts it; <c>DRAFTING_CHROMIUM</c> overrides.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("DRAFTING_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: the browser tests need it. " +
                "Install it with `apt-get install -y chromium` (or set DRAFTING_CHROMIUM to a Chromium 156 binary).");
        playwright = await Playwright.CreateAsync();
        List<string> args =
        [
            "--disable-gpu",
            "--disable-background-networking",
            // Nothing but the app on loopback resolves: the page must load nothing from elsewhere.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        ];
        if (Environment.UserName == "root")
            args.Add("--no-sandbox");
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = args,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>Where screenshots go: <c>DRAFTING_ARTIFACTS</c>, else <c>TestResults/screenshots</c> beside the test assembly.</summary>
    public static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("DRAFTING_ARTIFACTS") is { Length: > 0 } artifacts
            ? Path.Combine(artifacts, "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}
