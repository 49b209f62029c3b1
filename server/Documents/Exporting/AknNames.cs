using System.Globalization;
using System.Xml.Linq;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>The names the Akoma Ntoso export writes: its two namespaces, its elements and each paragraph's eId.</summary>
internal static class AknNames
{
    public static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>Our proprietary metadata: Akoma Ntoso admits there only elements of a namespace other than its own.</summary>
    public static readonly XNamespace Wgec = "urn:wgec-drafting:akn:1";

    /// <summary>The TLCOrganization of the working group: the source of every metadata block and the author of the text.</summary>
    public const string WorkingGroup = "wgec";

    /// <summary>
    /// <c>para_</c> and the paragraph id in 32 hex digits. Numbers ("3 bis" → "4") and labels ("OP3 bis" → "OP4")
    /// change at each renumbering and a kind may change later (DESIGN.md), so neither may be part of an eId that a
    /// reference or a parallel language version has to keep following; the id is the one thing that never changes,
    /// and it is unique. The prefix makes it a valid NCName (an id may start with a digit).
    /// </summary>
    public static string EId(ParagraphView paragraph) => "para_" + paragraph.Id.ToString("N", CultureInfo.InvariantCulture);

    public static XElement E(string name, params object?[] content) => new(Akn + name, content);

    public static XAttribute A(string name, object value) => new(name, value);
}
