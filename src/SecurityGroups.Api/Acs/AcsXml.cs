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

    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
