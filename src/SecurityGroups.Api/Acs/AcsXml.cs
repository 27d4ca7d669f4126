using System.Text;
using System.Text.Json;
using System.Xml;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Renders a JSON document as Alibaba's XML: objects become elements, and an array property <c>X</c> becomes repeated
/// <c>&lt;X&gt;</c> elements (so <c>{"Regions":{"Region":[a,b]}}</c> is <c>&lt;Regions&gt;&lt;Region/&gt;&lt;Region/&gt;&lt;/Regions&gt;</c>).
/// </summary>
internal static class AcsXml
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = false };

    public static byte[] Render(string rootName, JsonElement document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            WriteElement(writer, rootName, document);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteElement(XmlWriter writer, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                WriteElement(writer, name, item);
            }

            return;
        }

        writer.WriteStartElement(XmlConvert.EncodeLocalName(name));
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    WriteElement(writer, property.Name, property.Value);
                }

                break;
            case JsonValueKind.String:
                writer.WriteString(Clean(value.GetString()!));
                break;
            case JsonValueKind.Null:
                break;
            default:
                writer.WriteString(value.GetRawText());
                break;
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// The text with what XML 1.0 cannot hold dropped: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone
    /// surrogates (no character reference can carry them either). Characters outside the Basic Multilingual Plane (a
    /// high surrogate followed by a low one: emoji, CJK extensions) are kept. Most text is returned as is, unallocated.
    /// </summary>
    internal static string Clean(string text)
    {
        var first = FirstInvalid(text, 0);
        if (first < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length).Append(text, 0, first);
        for (var start = first + 1; start < text.Length;)
        {
            var next = FirstInvalid(text, start);
            var end = next < 0 ? text.Length : next;
            kept.Append(text, start, end - start);
            start = end + 1;
        }

        return kept.ToString();
    }

    /// <summary>The index of the first character from <paramref name="start"/> that XML 1.0 cannot hold, or -1.</summary>
    private static int FirstInvalid(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
