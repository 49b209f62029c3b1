using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>The people of one browser test, each at a <see cref="Screen"/> of their own; disposed with the test.</summary>
public sealed class Screens(Chromium chromium, DraftingApp app) : IAsyncDisposable
{
    private readonly List<Screen> open = [];

    /// <summary>Invites a participant of <paramref name="role"/> and signs them in at a new screen named <paramref name="name"/>.</summary>
    public async Task<Screen> JoinAsync(Role role, string name, string? person = null, string? delegation = null) =>
        await SignInAsync(await app.JoinAsync(role, person, delegation), name);

    public async Task<Screen> SignInAsync(Participant participant, string name)
    {
        var screen = await Screen.SignInAsync(chromium, app, participant, name);
        open.Add(screen);
        return screen;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var screen in open)
            await screen.DisposeAsync();
    }
}
