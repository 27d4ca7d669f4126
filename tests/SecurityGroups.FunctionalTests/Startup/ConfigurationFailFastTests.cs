using System.Diagnostics;
using System.Net.Sockets;

namespace SecurityGroups.FunctionalTests.Startup;

/// <summary>
/// A typo in the configuration can never start a weaker server: every option is validated at start, and any start-up
/// failure prints one line naming the key or the cause, with no stack trace, and exits non-zero. Each case starts the
/// built server as its own process.
/// </summary>
public sealed class ConfigurationFailFastTests
{
    [Theory]
    [InlineData("Auth__Mode", "Strcit", "Auth:Mode")]
    [InlineData("Auth__Mdoe", "Strict", "section Auth: 'Mdoe'")]
    [InlineData("Auth__TimestampWindowMinutes", "0", "Auth:TimestampWindowMinutes")]
    [InlineData("Auth__Accounts__0__AccountId", "not-digits", "Auth:Accounts:0:AccountId")]
    [InlineData("Quotas__SecurityGroupsPerRegion", "abc", "Quotas:SecurityGroupsPerRegion")]
    [InlineData("Quotas__TagsPerResource", "-1", "Quotas:TagsPerResource")]
    [InlineData("Quotas__RulesPerGroup", "5", "section Quotas: 'RulesPerGroup'")]
    [InlineData("Limits__MaxParameters", "0", "Limits:MaxParameters")]
    [InlineData("Throttling__Enabled", "maybe", "Throttling:Enabled")]
    [InlineData("Throttling__RequestsPerMinute", "-5", "Throttling:RequestsPerMinute")]
    [InlineData("Logging__Format", "Jsno", "Logging:Format")]
    [InlineData("Storage__Synchronous", "Ful", "Storage:Synchronous")]
    [InlineData("Storage__Provider", "Oracle", "Storage:Provider")]
    [InlineData("Regions__0__Zones__0", "cn-x-a", "Regions:0:RegionId")]
    [InlineData("Compute__Images__0__OSType", "linux", "Compute:Images:0:ImageId")]
    [InlineData("Compute__Images__0__ImageId", "m-1", "Compute:Images:0:OSType", "Compute__Images__0__OSType", "beos")]
    [InlineData("Compute__InstanceTypes__0__InstanceTypeId", "ecs.x.large", "Compute:InstanceTypes:0", "Compute__InstanceTypes__0__CpuCoreCount", "0")]
    [InlineData("Compute__SystemDiskSize", "10", "Compute:SystemDiskSize")]
    [InlineData("Compute__Imagez__0__ImageId", "m-1", "section Compute: 'Imagez")]
    [InlineData("Https__Port", "70000", "Https:Port")]
    [InlineData("Https__Port", "https", "Https:Port")]
    [InlineData("Https__Enabled", "yes please", "Https:Enabled")]
    [InlineData("Https__Prot", "8443", "section Https: 'Prot'")]
    [InlineData("Https__CertificatePath", "/nonexistent/server.pem", "Https:CertificatePath")]
    [InlineData("Https__KeyPath", "/nonexistent/server.key", "Https:KeyPath")]
    [InlineData("Metrics__Enabled", "maybe", "Metrics:Enabled")]
    [InlineData("Metrics__Enabeld", "false", "section Metrics: 'Enabeld'")]
    public async Task InvalidSetting_StopsStartUp_WithOneLineNamingTheKey(string key, string value, string named, string? key2 = null, string? value2 = null)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key2 is not null)
        {
            settings[key2] = value2!;
        }

        var (exit, output) = await RunServer(settings);

        AssertOneLineFailure(exit, output, named);
    }

    [Fact]
    public async Task DuplicateAccessKeyIds_StopStartUp()
    {
        var (exit, output) = await RunServer(new Dictionary<string, string>
        {
            ["Auth__Accounts__0__AccountId"] = "1111111111111111", ["Auth__Accounts__0__AccessKeyId"] = "same", ["Auth__Accounts__0__AccessKeySecret"] = "a",
            ["Auth__Accounts__1__AccountId"] = "2222222222222222", ["Auth__Accounts__1__AccessKeyId"] = "same", ["Auth__Accounts__1__AccessKeySecret"] = "b",
        });

        AssertOneLineFailure(exit, output, "Auth:Accounts:1:AccessKeyId");
    }

    [Fact]
    public async Task UnusableDatabasePath_StopsStartUp_NamingTheConnectionString()
    {
        var notADatabase = Path.Combine(Path.GetTempPath(), $"sg-notadb-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(notADatabase, "this is not a SQLite file, it is long enough to have a header of sorts........");
        try
        {
            var (exit, output) = await RunServer(new Dictionary<string, string> { ["ConnectionStrings__SecurityGroups"] = $"Data Source={notADatabase}" });

            AssertOneLineFailure(exit, output, "ConnectionStrings:SecurityGroups");
        }
        finally
        {
            File.Delete(notADatabase);
        }
    }

    [Fact]
    public async Task UnreachablePostgres_StopsStartUp_NamingTheConnectionString_WithoutItsPassword()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0); // a port nobody listens on once it is stopped
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var (exit, output) = await RunServer(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__SecurityGroups"] = $"Host=127.0.0.1;Port={port};Username=sg;Password=hunter2secret;Database=sg;Timeout=2",
        });

        AssertOneLineFailure(exit, output, "ConnectionStrings:SecurityGroups");
        Assert.Contains($"Port={port}", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUse_StopsStartUp_NamingTheAddress()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exit, output) = await RunServer(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        AssertOneLineFailure(exit, output, $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task HttpsPortInUse_StopsStartUp_NamingTheAddress()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exit, output) = await RunServer(new Dictionary<string, string> { ["Https__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        AssertOneLineFailure(exit, output, $"https://127.0.0.1:{port}");
    }

    [Fact]
    public async Task UnreadableOwnCertificate_StopsStartUp_NamingTheKey()
    {
        var notACertificate = Path.Combine(Path.GetTempPath(), $"sg-notacert-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(notACertificate, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        try
        {
            var (exit, output) = await RunServer(new Dictionary<string, string> { ["Https__CertificatePath"] = notACertificate });

            AssertOneLineFailure(exit, output, "Https:CertificatePath");
        }
        finally
        {
            File.Delete(notACertificate);
        }
    }

    [Fact]
    public async Task ValidSettings_Start()
    {
        // The control case: the same launcher with good settings does not exit (it is killed once healthy).
        var (exit, output) = await RunServer(new Dictionary<string, string> { ["Auth__Mode"] = "strict", ["Quotas__TagsPerResource"] = "0" }, expectExit: false);

        Assert.Null(exit);
        Assert.DoesNotContain("did not start", output, StringComparison.Ordinal);
    }

    private static void AssertOneLineFailure(int? exit, string output, string named)
    {
        Assert.NotNull(exit);
        Assert.NotEqual(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var failure = Assert.Single(lines, l => l.StartsWith("SecurityGroups did not start: ", StringComparison.Ordinal));
        Assert.Contains(named, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal)); // no stack trace
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    /// <summary>Starts the server with the settings; returns its exit code and output (stdout and stderr), or a null exit
    /// code when it was still running once healthy (or after 60 s) and had to be killed.</summary>
    private static async Task<(int? Exit, string Output)> RunServer(Dictionary<string, string> settings, bool expectExit = true)
    {
        var folder = Directory.CreateTempSubdirectory("sg-config-");
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "SecurityGroups.Api.dll")}\"")
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var port = new TcpListener(IPAddress.Loopback, 0);
        port.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)port.LocalEndpoint).Port}";
        port.Stop();
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["Https__Port"] = "0"; // servers run side by side: not all on 8443
        info.Environment["ConnectionStrings__SecurityGroups"] = $"Data Source={Path.Combine(folder.FullName, "sg.db")}";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var output = new System.Text.StringBuilder();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the server");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(settings.GetValueOrDefault("ASPNETCORE_URLS", url)), Timeout = TimeSpan.FromSeconds(2) };
            for (var waited = 0; waited < 600 && !process.HasExited; waited++)
            {
                if (!expectExit && await IsHealthy(http))
                {
                    break;
                }

                await Task.Delay(100);
            }

            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                lock (output)
                {
                    return (process.ExitCode, output.ToString());
                }
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                return (null, output.ToString());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<bool> IsHealthy(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/_emulator/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
