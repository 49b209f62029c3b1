using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// Issue 8, convergence: many clients insert, edit, move, delete and agree at random while their
/// connections drop (cleanly, abruptly, or by a network reset mid-call) and come back with
/// <c>sinceVersion</c>, retrying what got no answer under the same op id. At the end every client's
/// view is the server's document and a replay of its stream, and every acknowledged write is stored
/// exactly once. The seed is fixed; set WGEC_CONVERGENCE_SEED to try another.
/// </summary>
public sealed class ConvergenceTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 8;
    private const int Members = 7;
    private const int Observers = 2;
    private const int OpsPerWriter = 220;
    private const double DropChance = 0.025;
    private const string SecretariatCode = "convergence-secretariat";

    private static readonly string Draft = string.Join("\n\n",
        "Recalling the outcome documents of the World Summit on the Information Society",
        "Recognizing that enhanced cooperation should enable governments on an equal footing",
        "Noting the importance of the participation of developing countries",
        "1. Recommends that enhanced cooperation be implemented without further delay",
        "2. Encourages Member States to improve the participation of developing countries",
        "3. Invites existing organizations to report on the steps they have taken",
        "4. Calls upon all stakeholders to strengthen capacity development",
        "5. Requests the secretariat to compile the contributions received",
        "6. Decides to keep the matter under review at its next session",
        "7. Stresses the need for [adequate / predictable] resources",
        "8. Welcomes the work of the Internet Governance Forum",
        "9. Encourages the sharing of good practices in public policy",
        "10. Invites the Commission to consider the report at its next session",
        "11. Requests a progress report in time for the next session");

    [Fact]
    public async Task Clients_that_drop_and_retry_at_random_converge_on_one_document_with_every_acknowledged_write_stored_once()
    {
        var seed = Environment.GetEnvironmentVariable("WGEC_CONVERGENCE_SEED") is { Length: > 0 } s
            ? int.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
        var failures = new ConcurrentQueue<string>();
        var figures = new ConvergenceFigures();
        var clock = Stopwatch.StartNew();
        using var data = TemporaryFolder.Create();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Drafting"] = await TestPostgres.ConnectionStringAsync(),
            ["Drafting__Schema"] = "x_" + Guid.NewGuid().ToString("N")[..12],
            ["Drafting__SecretariatInviteCode"] = SecretariatCode,
            ["Drafting__DataDirectory"] = data.Path,
        });
        output.WriteLine($"server started in {clock.Elapsed.TotalSeconds:0.0} s");
        var relays = new List<ConvergenceRelay>();
        var clients = new List<ConvergenceClient>();
        try
        {
            var secretariat = server.Api();
            await secretariat.SignInAsync(SecretariatCode);
            var chairSignedIn = await JoinAsync(server, secretariat, "Chair", Role.Chair);
            var document = await chairSignedIn.Api.CreateDocumentAsync("Convergence", DocumentKind.Recommendations, Draft);
            async Task<ConvergenceClient> Add(string tag, Role role, int index, (DraftingApi Api, ParticipantView View)? signedIn = null)
            {
                var (api, view) = signedIn ?? await JoinAsync(server, secretariat, tag, role);
                relays.Add(new ConvergenceRelay(server.Address.Port));
                clients.Add(new ConvergenceClient(tag, view, api, relays[^1], document.Id, seed * 1000 + index, figures, failures));
                return clients[^1];
            }
            List<ConvergenceClient> writers = [await Add("chair", Role.Chair, 0, chairSignedIn)];
            for (var i = 1; i <= Members; i++)
                writers.Add(await Add($"m{i}", Role.Member, i));
            List<ConvergenceClient> observers = [];
            for (var i = 1; i <= Observers; i++)
                observers.Add(await Add($"o{i}", Role.Observer, 100 + i));
            await Task.WhenAll(clients.Select(c => c.ConnectAsync()));
            var setUp = clock.Elapsed;

            using var done = new CancellationTokenSource();
            var watching = observers.Select((o, i) => Task.Run(() => o.WatchAsync(done.Token, longAbsence: i == 0))).ToList();
            await Task.WhenAll(writers.Select((w, i) => Task.Run(() => w.WriteAsync(
                new ConvergenceSchedule(document.Id, w.Tag, chair: i == 0, new Random(seed * 1000 + 500 + i)), OpsPerWriter, DropChance))));
            await done.CancelAsync();
            await Task.WhenAll(watching);
            await Task.WhenAll(clients.Select(c => c.SettleAsync()));
            var run = clock.Elapsed - setUp;
            using (var process = Process.GetProcessById(server.ProcessId))
                output.WriteLine($"server CPU {process.TotalProcessorTime.TotalSeconds:0.0} s, test process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s");

            var (now, stream) = await CheckAsync(chairSignedIn.Api, document, clients, figures, failures);
            Report(seed, clients, figures, stream.Length, now, setUp, run);
        }
        catch (Exception e)
        {
            failures.Enqueue($"the run stopped: {e}");
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
            foreach (var relay in relays)
                await relay.DisposeAsync();
        }
        Assert.True(failures.IsEmpty,
            $"seed {seed} (WGEC_CONVERGENCE_SEED={seed} repeats it): {failures.Count} failures\n" +
            string.Join("\n", failures.Take(25)) + "\n--- server output (tail) ---\n" + Tail(server.Output));
    }

    /// <summary>
    /// Once everyone is quiet and connected: the server's document is a replay of its stream; every
    /// client's view is that document; and the stream holds every acknowledged write once (<see cref="ConvergenceCheck"/>).
    /// </summary>
    private static async Task<(DocumentView Now, Envelope[] Stream)> CheckAsync(
        DraftingApi api, DocumentView created, List<ConvergenceClient> clients, ConvergenceFigures figures, ConcurrentQueue<string> failures)
    {
        var now = await api.DocumentAsync(created.Id);
        var stream = await StreamAsync(api, created.Id);
        var expected = Replica.From(now).DescribeFully();
        var replay = Replica.Replay(stream).DescribeFully();
        if (replay != expected)
            failures.Enqueue($"a replay of the stream is not the server's document: {Replica.FirstDifference(expected, replay)}");
        var caughtUp = await Task.WhenAll(clients.Select(c => c.CatchUpAsync(now.Version, TimeSpan.FromSeconds(10))));
        foreach (var (client, reached) in clients.Zip(caughtUp))
        {
            if (!reached)
                failures.Enqueue($"{client.Tag} is stuck at version {client.Version} of {now.Version}: an event was stored but never reached it");
            else if (client.Describe() is var view && view != expected)
                failures.Enqueue($"{client.Tag}'s view is not the server's document: {Replica.FirstDifference(expected, view)}");
        }

        var check = new ConvergenceCheck(stream, figures);
        check.Stream(now.Version, created.Version);
        check.Ops(clients);
        check.RunProbes();
        foreach (var client in clients)
            check.Received(client);
        foreach (var failure in check.Failures)
            failures.Enqueue(failure);
        return (now, stream);
    }

    private void Report(int seed, List<ConvergenceClient> clients, ConvergenceFigures figures, int events, DocumentView now, TimeSpan setUp, TimeSpan run)
    {
        var ops = clients.SelectMany(c => c.Ops).ToList();
        foreach (var kind in Enum.GetValues<OpKind>())
            figures.Add($"ops: {kind.ToString().ToLowerInvariant()}", ops.Count(o => o.Kind == kind));
        foreach (var op in ops)
        {
            if (op.Answers is [var first, ..])
                figures.Add($"first answers: {ProtocolJson.Name(first.Outcome)}");
            if (op.Refused is { } code)
                figures.Add($"refused: {ProtocolJson.Name(code)}");
            if (op.Duplicates > 0)
                figures.Add("ops sent again after their answer", op.Duplicates);
        }
        output.WriteLine($"seed {seed}: {ops.Count} ops by {clients.Count(c => c.Ops.Count > 0)} writers and {clients.Count(c => c.Ops.Count == 0)} observers, " +
            $"{events} events, {now.Paragraphs.Count} paragraphs at the end ({now.Paragraphs.Count(p => p.Status != ParagraphStatus.Draft)} agreed); " +
            $"set-up {setUp.TotalSeconds:0.0} s, run {run.TotalSeconds:0.0} s");
        foreach (var line in figures.ToString().Split(", "))
            output.WriteLine("  " + line);
        foreach (var note in figures.Notes)
            output.WriteLine(note);
    }

    private static async Task<Envelope[]> StreamAsync(DraftingApi api, Guid documentId)
    {
        var all = new List<Envelope>();
        while (true)
        {
            var page = await api.EventsAsync(documentId, all.Count == 0 ? 0 : all[^1].Version, 5000);
            if (page.Length == 0)
                return [.. all];
            all.AddRange(page);
        }
    }

    private static async Task<(DraftingApi Api, ParticipantView View)> JoinAsync(ServerProcess server, DraftingApi secretariat, string name, Role role)
    {
        var created = await secretariat.CreateParticipantAsync(name, $"Delegation {name}", role);
        var api = server.Api();
        var signedIn = await api.SignInAsync(created.InviteCode);
        return (api, signedIn.Participant);
    }


    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
