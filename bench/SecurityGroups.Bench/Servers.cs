using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SecurityGroups.Bench;

/// <summary>A server process on loopback (this emulator or moto_server), stopped on dispose.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The emulator's SQLite file in its data directory.</summary>
    public const string DatabaseFile = "bench.db";

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int Pid => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ServerProcess StartEmulator(string dll, string dataDir, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"") { WorkingDirectory = dataDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Https__Port"] = "0"; // HTTPS stays on, as by default, on a free port (never two servers on 8443)
        info.Environment["ConnectionStrings__SecurityGroups"] = $"Data Source={Path.Combine(dataDir, DatabaseFile)}";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        return Start(info, port);
    }

    public static ServerProcess StartMoto()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("moto_server", $"-H 127.0.0.1 -p {port}") { RedirectStandardOutput = true, RedirectStandardError = true };
        return Start(info, port);
    }

    private static ServerProcess Start(ProcessStartInfo info, int port)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {info.FileName}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, port);
    }

    /// <summary>Waits until <paramref name="probe"/> succeeds; returns the time since <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitAsync(Func<Task<bool>> probe, Stopwatch since, TimeSpan timeout)
    {
        while (since.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("the server exited at start-up");
            }

            try
            {
                if (await probe())
                {
                    return since.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the server did not answer in time");
    }

    /// <summary>Peak resident memory (VmHWM) in MiB.</summary>
    public double PeakRssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
