using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Client;

/// <summary>A refusal from the server, REST or hub: <see cref="Code"/> is the PROTOCOL.md §4 code.</summary>
public sealed class DraftingException(ErrorCode code, string message, HttpStatusCode? status = null) : Exception(message)
{
    public ErrorCode Code { get; } = code;
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>The REST API of PROTOCOL.md §2 with typed requests and answers.</summary>
public sealed class DraftingApi(HttpClient http)
{
    public HttpClient Http => http;

    public string? Token
    {
        get => http.DefaultRequestHeaders.Authorization?.Parameter;
        set => http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public async Task<TokenResponse> SignInAsync(string inviteCode)
    {
        var answer = await PostAsync<TokenResponse>("api/auth/token", new TokenRequest(inviteCode));
        Token = answer.Token;
        return answer;
    }

    public async Task<RefreshResponse> RefreshAsync()
    {
        var answer = await PostAsync<RefreshResponse>("api/auth/refresh", null);
        Token = answer.Token;
        return answer;
    }

    public Task<CreatedParticipant> CreateParticipantAsync(string name, string delegation, Role role) =>
        PostAsync<CreatedParticipant>("api/participants", new CreateParticipantRequest(name, delegation, role));

    public Task<ParticipantView[]> ParticipantsAsync() => GetAsync<ParticipantView[]>("api/participants");

    public Task RevokeAsync(Guid participantId) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/participants/{participantId}"));

    public Task<DocumentSummary[]> DocumentsAsync() => GetAsync<DocumentSummary[]>("api/documents");

    public Task<DocumentView> CreateDocumentAsync(string title, DocumentKind kind, string? markdown = null, string? symbol = null) =>
        PostAsync<DocumentView>("api/documents", new CreateDocumentRequest(title, kind, symbol, markdown));

    /// <summary>
    /// Creates a document from a Word file (multipart/form-data, the file in the part <c>file</c>). Without a
    /// title the server takes the document's own (its Title paragraph, core title or first heading).
    /// </summary>
    public async Task<DocumentView> CreateDocumentFromDocxAsync(Stream docx, DocumentKind kind, string? title = null, string? symbol = null, string fileName = "document.docx")
    {
        using var form = DocxForm(docx, kind, title, symbol, fileName);
        return await ReadAsync<DocumentView>(await http.PostAsync(new Uri("api/documents", UriKind.Relative), form));
    }

    /// <summary>The upload <see cref="CreateDocumentFromDocxAsync"/> sends, for callers that need the raw answer.</summary>
    public static MultipartFormDataContent DocxForm(Stream docx, DocumentKind kind, string? title = null, string? symbol = null, string fileName = "document.docx")
    {
        var file = new StreamContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var form = new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(ProtocolJson.Name(kind)), "kind" } };
        if (title is not null)
            form.Add(new StringContent(title), "title");
        if (symbol is not null)
            form.Add(new StringContent(symbol), "symbol");
        return form;
    }

    public Task<DocumentView> DocumentAsync(Guid id, string? query = null) =>
        GetAsync<DocumentView>($"api/documents/{id}{Query(query)}");

    public Task<Envelope[]> EventsAsync(Guid id, long after = 0, int? limit = null) =>
        GetAsync<Envelope[]>($"api/documents/{id}/events?after={after}{(limit is { } l ? $"&limit={l}" : "")}");

    /// <summary>Every envelope that touched the paragraph (the same call as <see cref="ParagraphLifeAsync"/>, read as plain envelopes).</summary>
    public Task<Envelope[]> ParagraphHistoryAsync(Guid id, Guid paragraphId) =>
        GetAsync<Envelope[]>($"api/documents/{id}/paragraphs/{paragraphId}/history");

    /// <summary>Every envelope that touched the paragraph, each with the paragraph's text, status and number right after it.</summary>
    public Task<ParagraphHistoryEntry[]> ParagraphLifeAsync(Guid id, Guid paragraphId) =>
        GetAsync<ParagraphHistoryEntry[]>($"api/documents/{id}/paragraphs/{paragraphId}/history");

    public Task<TimelineEntry[]> TimelineAsync(Guid id, long after = 0, int? limit = null) =>
        GetAsync<TimelineEntry[]>($"api/documents/{id}/timeline?after={after}{(limit is { } l ? $"&limit={l}" : "")}");

    public Task<ProgressPoint[]> ProgressAsync(Guid id) => GetAsync<ProgressPoint[]>($"api/documents/{id}/progress");

    public Task<DelegationActivity[]> ActivityAsync(Guid id) => GetAsync<DelegationActivity[]>($"api/documents/{id}/activity");

    public Task<DiffView> DiffAsync(Guid id, string from, string? to = null) =>
        GetAsync<DiffView>($"api/documents/{id}/diff?from={Uri.EscapeDataString(from)}{(to is null ? "" : $"&to={Uri.EscapeDataString(to)}")}");

    public Task<MeetingSummary[]> MeetingsAsync(Guid id) => GetAsync<MeetingSummary[]>($"api/documents/{id}/meetings");

    public Task<ConcordanceEntry[]> ConcordanceAsync(Guid id, string label) =>
        GetAsync<ConcordanceEntry[]>($"api/documents/{id}/revisions/{Uri.EscapeDataString(label)}/concordance");

    public async Task<T> GetAsync<T>(string path) => await ReadAsync<T>(await http.GetAsync(new Uri(path, UriKind.Relative)));

    public async Task<T> PostAsync<T>(string path, object? body) =>
        await ReadAsync<T>(await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, ProtocolJson.Options));

    private async Task SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        await ThrowIfRefusedAsync(response);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            await ThrowIfRefusedAsync(response);
            return (await response.Content.ReadFromJsonAsync<T>(ProtocolJson.Options))!;
        }
    }

    /// <summary>Reads an RFC 7807 answer into a <see cref="DraftingException"/> whose code is the end of <c>type</c>.</summary>
    public static async Task ThrowIfRefusedAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return;
        var code = ErrorCode.Unknown;
        var detail = response.ReasonPhrase ?? "";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (problem.RootElement.TryGetProperty("type", out var type) && type.GetString() is { } t)
                code = ProtocolJson.Parse<ErrorCode>(t[(t.LastIndexOf('/') + 1)..]);
            if (problem.RootElement.TryGetProperty("detail", out var d))
                detail = d.GetString() ?? detail;
        }
        catch (JsonException)
        {
        }
        throw new DraftingException(code, detail, response.StatusCode);
    }

    private static string Query(string? query) => string.IsNullOrEmpty(query) ? "" : "?" + query.TrimStart('?');

    // Questionnaires and their contributions (issue 10).

    public Task<QuestionnaireSummary[]> ListQuestionnairesAsync() => GetAsync<QuestionnaireSummary[]>("api/questionnaires");

    public Task<QuestionnaireView> CreateQuestionnaireAsync(string title, DateOnly? deadline = null) =>
        PostAsync<QuestionnaireView>("api/questionnaires", new CreateQuestionnaireRequest(title, deadline));

    public Task<QuestionnaireView> GetQuestionnaireAsync(Guid id) => GetAsync<QuestionnaireView>($"api/questionnaires/{id}");

    public Task<QuestionView> AddQuestionAsync(Guid questionnaireId, int number, string group, string text) =>
        PostAsync<QuestionView>($"api/questionnaires/{questionnaireId}/questions", new AddQuestionRequest(number, group, text));

    public Task<RespondentView> AddRespondentAsync(Guid questionnaireId, string name, StakeholderType stakeholderType, string? country = null) =>
        PostAsync<RespondentView>($"api/questionnaires/{questionnaireId}/respondents", new AddRespondentRequest(name, stakeholderType, country));

    /// <summary>A respondent's answer to a question; another text for the same pair revises it (the server answers 200 instead of 201).</summary>
    public Task<ContributionView> AddContributionAsync(Guid questionnaireId, Guid respondentId, Guid questionId, string text, DateTimeOffset? receivedAt = null) =>
        PostAsync<ContributionView>($"api/questionnaires/{questionnaireId}/contributions", new AddContributionRequest(respondentId, questionId, text, receivedAt));

    public Task<ContributionView> GetContributionAsync(Guid questionnaireId, Guid contributionId) =>
        GetAsync<ContributionView>($"api/questionnaires/{questionnaireId}/contributions/{contributionId}");

    /// <summary>Imports a CSV file of answers (one row per answer, with a header row), all or nothing.</summary>
    public async Task<ImportSummary> ImportContributionsCsvAsync(Guid questionnaireId, string csv)
    {
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        return await ReadAsync<ImportSummary>(await http.PostAsync(new Uri($"api/questionnaires/{questionnaireId}/import", UriKind.Relative), content));
    }

    public Task<QuestionContributions[]> ByQuestionAsync(Guid questionnaireId) =>
        GetAsync<QuestionContributions[]>($"api/questionnaires/{questionnaireId}/by-question");

    public Task<RespondentContributions[]> ByRespondentAsync(Guid questionnaireId) =>
        GetAsync<RespondentContributions[]>($"api/questionnaires/{questionnaireId}/by-respondent");

    /// <summary>The summary of contributions annex: <paramref name="format"/> html or docx, <paramref name="by"/> question or respondent.</summary>
    public async Task<byte[]> ExportContributionsAsync(Guid questionnaireId, string format, string by = "question")
    {
        using var response = await http.GetAsync(new Uri($"api/questionnaires/{questionnaireId}/export?format={Uri.EscapeDataString(format)}&by={Uri.EscapeDataString(by)}", UriKind.Relative));
        await ThrowIfRefusedAsync(response);
        return await response.Content.ReadAsByteArrayAsync();
    }
    // The mapping table (issue 10): rows of a table annex imported from CSV, and listed filtered and sorted.

    /// <summary>
    /// Appends the rows of a CSV file (header No, Issue, Category, Grouping, Activities and approaches, Status, and
    /// optionally Sources) to a table annex, all or none; a <paramref name="clientOpId"/> makes a retry safe.
    /// </summary>
    public async Task<ImportRowsResult> ImportRowsCsvAsync(Guid documentId, string csv, string? clientOpId = null)
    {
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        var op = clientOpId is null ? "" : "?clientOpId=" + Uri.EscapeDataString(clientOpId);
        return await ReadAsync<ImportRowsResult>(await http.PostAsync(new Uri($"api/documents/{documentId}/rows{op}", UriKind.Relative), content));
    }

    /// <summary>
    /// The rows of a table annex; <paramref name="query"/> as the call takes it, e.g. <c>category=Human rights&amp;sort=-issue</c>
    /// (values escaped by the caller; see <see cref="RowsQuery"/>).
    /// </summary>
    public Task<RowView[]> RowsAsync(Guid documentId, string? query = null) => GetAsync<RowView[]>($"api/documents/{documentId}/rows{Query(query)}");

    /// <summary>A rows query from names and values, each value escaped: <c>RowsQuery(("category", "Human rights"), ("sort", "-issue"))</c>.</summary>
    public static string RowsQuery(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
}
