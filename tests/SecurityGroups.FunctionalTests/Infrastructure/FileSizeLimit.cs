using System.ComponentModel;
using System.Runtime.InteropServices;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>
/// Sets another process's <c>RLIMIT_FSIZE</c> (Linux <c>prlimit(2)</c>; same user or root, no other privilege): with a
/// 1-byte limit every write to a regular file fails with <c>EFBIG</c>, which the process sees as a disk that has no room
/// left (SQLite answers <c>SQLITE_FULL</c> or <c>SQLITE_IOERR</c>); <see cref="Lift"/> gives it room again. Root obeys
/// this limit too, unlike file permissions. The process must ignore <c>SIGXFSZ</c>
/// (<see cref="EmulatorProcess.StartAsync"/> with <c>fileSizeLimitable</c>).
/// </summary>
internal static class FileSizeLimit
{
    private const int RlimitFsize = 1;
    private const ulong Infinity = ulong.MaxValue;

    public static void Exhaust(int processId) => Set(processId, 1);

    public static void Lift(int processId) => Set(processId, Infinity);

    private static void Set(int processId, ulong soft)
    {
        var limit = new Rlimit { Current = soft, Maximum = Infinity };
        if (prlimit(processId, RlimitFsize, ref limit, IntPtr.Zero) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"prlimit({processId}, RLIMIT_FSIZE) failed");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }

#pragma warning disable SYSLIB1054 // a plain DllImport: LibraryImport would need unsafe code in the test project
    [DllImport("libc", SetLastError = true)]
    private static extern int prlimit(int pid, int resource, ref Rlimit newLimit, IntPtr oldLimit);
#pragma warning restore SYSLIB1054
}
