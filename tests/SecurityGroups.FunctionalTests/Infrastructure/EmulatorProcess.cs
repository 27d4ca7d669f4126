using System.Diagnostics;
using System.Text.Json;
using System.Net.Sockets;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>
/// The built server as its own OS process on a loopback port and a given SQLite file: for what an in-process host
/// cannot show, such as <c>kill -9</c>. Output is drained and dropped.
/// </summary>
public sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>The server's process id (the <c>dotnet</c> host itself, also when started through the shell).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the server on <paramref name="databasePath"/> with extra environment <paramref name="settings"/> and
    /// command-line <paramref name="arguments"/>, and waits until its own health answers 200.</summary>
    /// <param name="databasePath">The SQLite file; its folder is the working directory.</param>
    /// <param name="settings">Environment variables (configuration keys with <c>__</c>).</param>
    /// <param name="arguments">Command-line arguments of the server.</param>
    /// <param name="urlsOnCommandLine">Give the HTTP address as <c>--urls</c> instead of <c>ASPNETCORE_URLS</c>.</param>
    /// <param name="fileSizeLimitable">Start the server with <c>SIGXFSZ</c> ignored (through <c>/bin/sh</c>, then
    /// <c>exec</c>, so the id stays the server's): a file-size limit set on it later (<see cref="FileSizeLimit"/>) then makes
    /// its writes fail with <c>EFBIG</c>, as a full disk does, instead of killing it.</param>
    public static async Task<EmulatorProcess> StartAsync(string databasePath, IDictionary<string, string> settings, string arguments = "",
        bool fileSizeLimitable = false, bool urlsOnCommandLine = false)
    {
        var port = FreePort();
        arguments = urlsOnCommandLine ? $"{arguments} --urls http://127.0.0.1:{port}".Trim() : arguments;
        var dll = Path.Combine(AppContext.BaseDirectory, "SecurityGroups.Api.dll");
        var info = fileSizeLimitable
            ? new ProcessStartInfo("/bin/sh", ["-c", $"trap '' XFSZ; exec dotnet \"{dll}\" {arguments}"])
            : new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}");
        info.WorkingDirectory = Path.GetDirectoryName(databasePath)!;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        if (!urlsOnCommandLine)
        {
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        }

        info.Environment["Https__Port"] = "0"; // any free port (servers run side by side); health names it
        info.Environment["ConnectionStrings__SecurityGroups"] = $"Data Source={databasePath}";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EmulatorProcess(process, port);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var health = await server.Http.GetAsync("/_emulator/health");
                // The port was free when chosen, but another test's server could have taken it since: only ours counts.
                if (health.IsSuccessStatusCode && !process.HasExited
                    && (await health.Content.ReadAsStringAsync()).Contains(JsonEncodedText.Encode(databasePath).ToString(), StringComparison.Ordinal))
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
            {
                // not listening yet
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new InvalidOperationException("the server did not become healthy");
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed by the server.</summary>
    public void KillHard()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            // it had exited already: nothing left to kill
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
        Http.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
