using System.Reflection;

namespace SecurityGroups.Domain.Errors;

/// <summary>
/// The catalog of every Alibaba error code this emulator can emit, with its HTTP status and message. This folder is the
/// only place codes are spelled; the partial files group them by area. Statuses and spellings are Alibaba's, even where odd.
/// </summary>
public static partial class AcsErrors
{
    private static readonly Lazy<IReadOnlyList<AcsErrorCode>> AllCodes = new(() =>
        typeof(AcsErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AcsErrorCode))
            .Select(f => (AcsErrorCode)f.GetValue(null)!)
            .ToArray());

    /// <summary>Every catalogued error (used by docs and tests).</summary>
    public static IReadOnlyList<AcsErrorCode> All => AllCodes.Value;

    /// <summary>Finds a catalogued error by code; the first one wins where a code has several statuses.</summary>
    public static AcsErrorCode? Find(string code) => All.FirstOrDefault(e => e.Code == code);
}
