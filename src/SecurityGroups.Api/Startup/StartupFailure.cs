using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SecurityGroups.Api.Startup;

/// <summary>Turns what stopped start-up into one line that names the configuration key or the cause.</summary>
internal static class StartupFailure
{
    /// <summary>Null for the exception tools use to stop the entry point once the host is built (EF tooling,
    /// WebApplicationFactory): that one must propagate.</summary>
    public static string? Describe(Exception ex)
    {
        if (ex.GetType().Name == "HostAbortedException")
        {
            return null;
        }

        return ex switch
        {
            StartupException startup => startup.Message,
            OptionsValidationException options => string.Join(" ", options.Failures),
            AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
            IOException when Has<SocketException>(ex) => FirstLine(ex.Message), // Kestrel: "Failed to bind to address ...: address already in use."
            InvalidOperationException { InnerException: { } inner } when ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
                => $"{FirstLine(ex.Message)} {FirstLine(inner.Message)}",
            InvalidOperationException when OptionsValidation.UnknownSettings(ex.Message) is { } unknown => unknown,
            _ => $"{FirstLine(ex.Message)} ({ex.GetType().Name})",
        };
    }

    /// <summary>Runs the storage's start-up step; what fails there is reported as the storage's fault, naming the key.</summary>
    public static async Task StorageAsync(Func<Task> initialize, string? connectionString)
    {
        try
        {
            await initialize();
        }
        catch (Exception ex) when (ex is SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new StartupException(
                $"the database in ConnectionStrings:SecurityGroups ('{WithoutPassword(connectionString)}') cannot be used: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>The connection string as given, but a PostgreSQL password is never printed.</summary>
    private static string WithoutPassword(string? connectionString)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            var secrets = new[] { "Password", "PWD", "PSW" }.Where(builder.ContainsKey).ToList();
            if (secrets.Count == 0)
            {
                return connectionString ?? "";
            }

            secrets.ForEach(key => builder[key] = "***");
            return builder.ConnectionString ?? "";
        }
        catch (ArgumentException)
        {
            return connectionString ?? "";
        }
    }

    private static bool Has<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T)
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}

/// <summary>A start-up failure already described in one line.</summary>
internal sealed class StartupException(string message, Exception inner) : Exception(message, inner);
