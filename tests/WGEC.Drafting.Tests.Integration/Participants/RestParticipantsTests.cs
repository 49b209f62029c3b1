using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Participants;

/// <summary>PROTOCOL.md §1: the secretariat manages participants; invite codes are stored hashed.</summary>
public sealed class RestParticipantsTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Secretariat_creates_a_participant_who_can_sign_in_and_is_listed()
    {
        var secretariat = await app.SecretariatAsync();

        using var response = await app.Api().Http.SendAsync(HttpMethod.Post, "api/participants", secretariat.Api.Token,
            new CreateParticipantRequest("  Maria Silva ", "Brazil", Role.Member));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedParticipant>(HttpStatusCode.Created);

        Assert.Equal("Maria Silva", created.Participant.Name);
        Assert.Equal("Brazil", created.Participant.Delegation);
        Assert.Equal(Role.Member, created.Participant.Role);
        Assert.False(string.IsNullOrWhiteSpace(created.InviteCode));
        Assert.Contains(created.Participant, await secretariat.Api.ParticipantsAsync());
        Assert.Equal(created.Participant, (await app.Api().SignInAsync(created.InviteCode)).Participant);
    }

    [Fact]
    public async Task Every_role_may_list_participants()
    {
        var observer = await app.JoinAsync(Role.Observer, name: "Watcher");
        var listed = await observer.Api.ParticipantsAsync();
        Assert.Contains(listed, p => p.Id == observer.Id && p.Name == "Watcher" && p.Role == Role.Observer);
        Assert.Contains(listed, p => p.Role == Role.Secretariat);
    }

    [Theory]
    [InlineData(Role.Chair)]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Only_the_secretariat_may_create_participants(Role role)
    {
        var caller = await app.JoinAsync(role);
        var before = await caller.Api.ParticipantsAsync();

        await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Post, "api/participants", caller.Api.Token, new CreateParticipantRequest("Mallory", "Nowhere", Role.Secretariat)),
            HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before.Length, (await caller.Api.ParticipantsAsync()).Length);
    }

    [Theory]
    [InlineData("""{ "name": "", "delegation": "Brazil", "role": "member" }""")]
    [InlineData("""{ "name": "   ", "delegation": "Brazil", "role": "member" }""")]
    [InlineData("""{ "delegation": "Brazil", "role": "member" }""")]
    [InlineData("""{ "name": "Ana", "delegation": "", "role": "member" }""")]
    [InlineData("""{ "name": "Ana\nBob", "delegation": "Brazil", "role": "member" }""")]
    [InlineData("""{ "name": "Ana\u0000", "delegation": "Brazil", "role": "member" }""")]
    [InlineData("""{ "name": "Ana", "delegation": "Brazil", "role": "emperor" }""")]
    [InlineData("""{ "name": "Ana", "delegation": "Brazil" }""")]
    [InlineData("""{ "name": "Ana", "delegation": "Brazil", "role": 2 }""")]
    [InlineData("""{ "name": "Ana", "delegation": "Brazil", "role": "member" """)]
    [InlineData("")]
    public async Task Invalid_participant_bodies_are_refused_and_create_nobody(string body)
    {
        var secretariat = await app.SecretariatAsync();
        var before = await secretariat.Api.ParticipantsAsync();

        await Problem.AssertAsync(await app.Api().Http.PostRawAsync("api/participants", secretariat.Api.Token, body), HttpStatusCode.BadRequest, "invalid");
        Assert.Equal(before, await secretariat.Api.ParticipantsAsync());
    }

    [Fact]
    public async Task A_name_over_the_limit_is_too_large()
    {
        var secretariat = await app.SecretariatAsync();
        await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Post, "api/participants", secretariat.Api.Token, new CreateParticipantRequest(new string('n', 301), "Brazil", Role.Member)),
            HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Invite_codes_are_stored_only_as_hashes()
    {
        var secretariat = await app.SecretariatAsync();
        var created = await secretariat.Api.CreateParticipantAsync("Hashed", "Kenya", Role.Member);

        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<ParticipantRecord>(created.Participant.Id);
        Assert.NotNull(record);
        foreach (var property in typeof(ParticipantRecord).GetProperties())
            Assert.NotEqual(created.InviteCode, property.GetValue(record)?.ToString());
        var stored = await session.Json.FindByIdAsync<ParticipantRecord>(created.Participant.Id);
        Assert.DoesNotContain(created.InviteCode, stored, StringComparison.Ordinal);
        Assert.Contains(InviteCodes.Hash(created.InviteCode), stored, StringComparison.Ordinal);
        // Nor anywhere else in the participants' table, e.g. a secretariat code from configuration.
        var everything = await session.QueryAsync<string>($"select data::text from {app.Schema}.mt_doc_participantrecord");
        Assert.DoesNotContain(everything, row => row.Contains(created.InviteCode, StringComparison.Ordinal)
            || row.Contains(DraftingApp.SecretariatCode, StringComparison.Ordinal));
    }
}
