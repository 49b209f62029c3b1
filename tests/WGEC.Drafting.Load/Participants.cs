using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Load;

/// <summary>One signed-in participant: its own REST client (its token) and, while a load runs, its hub connection.</summary>
public sealed record Participant(string Name, DraftingApi Api)
{
    public DraftingConnection Connect(Uri server) => new(server, () => Task.FromResult(Api.Token));
}

/// <summary>The secretariat invites everyone up front, so sign-ins are not part of what is measured.</summary>
public sealed class Cast(Uri server, HttpMessageHandler handler)
{
    private static readonly string[] Delegations =
        ["Brazil", "China", "European Union", "India", "Kenya", "Switzerland", "United States", "Egypt", "Japan", "Mexico"];

    public DraftingApi NewApi() => new(new HttpClient(handler, disposeHandler: false) { BaseAddress = server });

    public async Task<Participant> SecretariatAsync(string invite)
    {
        var api = NewApi();
        await api.SignInAsync(invite);
        return new Participant("secretariat", api);
    }

    public async Task<Participant[]> InviteAsync(DraftingApi secretariat, int count, Role role)
    {
        using var gate = new SemaphoreSlim(16);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var name = $"{role} {i + 1}";
                var delegation = role == Role.Member ? Delegations[i % Delegations.Length] : "Observers";
                var created = await secretariat.CreateParticipantAsync(name, delegation, role);
                var api = NewApi();
                await api.SignInAsync(created.InviteCode);
                return new Participant(name, api);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
