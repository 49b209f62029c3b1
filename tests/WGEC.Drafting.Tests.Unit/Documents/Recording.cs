using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Tests.Documents;

public static class Recording
{
    /// <summary>The events applied so far as the stream holds them: version N is the N-th, at <see cref="StateBuilder.At"/>(N).</summary>
    public static IReadOnlyList<Recorded> Recorded(this StateBuilder builder) =>
        [.. builder.Events.Select((e, i) => new Recorded(e, i + 1, StateBuilder.At(i + 1)))];
}
