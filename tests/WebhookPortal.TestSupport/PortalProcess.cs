using System.Diagnostics;
using System.Text;

namespace WebhookPortal.TestSupport;

/// <summary>
/// The portal as its own operating-system process (the built executable), for what only a real
/// process shows: its exit code, what it prints, and (later) being killed.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The operating system's id of the process.</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The executable beside the test assembly: any project that references the Web project has it.</summary>
    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "WebhookPortal.Web");

    /// <summary>Everything the process wrote to standard output and standard error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static PortalProcess Start(string workingDirectory, params string[] args) =>
        StartExecutable(ExecutablePath, workingDirectory, args);

    /// <summary>Starts another copy of the portal's executable, such as a <see cref="PortalInstall"/>.</summary>
    public static PortalProcess StartExecutable(string executablePath, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(executablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new PortalProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executablePath}"));
    }

    /// <summary>Waits for the process to end by itself; kills it and fails if it takes longer than the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The portal did not exit within {timeout}. Output so far:\n{Output}");
        }

        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    /// <summary>Ends the process at once (SIGKILL, as <c>kill -9</c>): no shutdown code runs. Returns when it is gone.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM, as <c>kill</c> or a container stop): the host shuts down gracefully.</summary>
    public void Terminate()
    {
        if (SendSignal(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to process {process.Id}.");
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
