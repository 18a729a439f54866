using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Comet.Bench;

/// <summary>Launches one child process with its output discarded (posix_spawn + wait4, so nothing but the spawn itself is timed) and reports its wall time and exit code; peak RSS comes from a separate launch under GNU time.</summary>
public static class ProcessSpawn
{
    private const int WriteOnly = 1; // O_WRONLY
    private const int FileActionsBytes = 256; // posix_spawn_file_actions_t is 80 bytes on glibc x64; room to spare
    private const int RusageBytes = 144; // struct rusage on x64: two timevals then fourteen longs
    private const string GnuTime = "/usr/bin/time";

    // LPStr is UTF-8 on Linux.

    /// <summary>Runs <paramref name="path"/> with <paramref name="args"/> in <paramref name="workingDirectory"/> and waits for it.</summary>
    public static ProcessSample Run(string path, IReadOnlyList<string> args, string workingDirectory)
    {
        var argv = new string?[args.Count + 2];
        argv[0] = path;
        for (var i = 0; i < args.Count; i++)
        {
            argv[i + 1] = args[i];
        }

        var envp = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => (string?)$"{e.Key}={e.Value}").Append(null).ToArray();
        var actions = Marshal.AllocHGlobal(FileActionsBytes);
        var usage = Marshal.AllocHGlobal(RusageBytes);
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(posix_spawn_file_actions_addopen(actions, 1, "/dev/null", WriteOnly, 0), "addopen stdout");
            Check(posix_spawn_file_actions_addopen(actions, 2, "/dev/null", WriteOnly, 0), "addopen stderr");
            Directory.SetCurrentDirectory(workingDirectory);
            var watch = Stopwatch.StartNew();
            Check(posix_spawn(out var pid, path, actions, IntPtr.Zero, argv, envp), $"posix_spawn {path}");
            if (wait4(pid, out var status, 0, usage) != pid)
            {
                throw new InvalidOperationException($"wait4 failed: errno {Marshal.GetLastPInvokeError()}");
            }

            watch.Stop();
            var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return new ProcessSample(watch.Elapsed.TotalMilliseconds, exitCode);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            _ = posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(usage);
        }
    }

    /// <summary>Peak resident set of one run in MiB, as GNU time reports it, or null when /usr/bin/time is absent.</summary>
    /// <remarks>wait4's own ru_maxrss cannot be used from here: the child starts as a vfork of this ~30 MB runtime and the
    /// kernel records that address space's high-water mark at exec; GNU time is small, so its child's figure is the program's.</remarks>
    public static double? PeakRssMb(string path, IReadOnlyList<string> args, string workingDirectory)
    {
        if (!File.Exists(GnuTime))
        {
            return null;
        }

        var report = Path.Combine(workingDirectory, "peak-rss.txt");
        var sample = Run(GnuTime, ["-f", "%M", "-o", report, path, .. args], workingDirectory);
        var kib = sample.ExitCode == 0 && File.Exists(report) ? File.ReadAllLines(report).LastOrDefault() : null;
        return long.TryParse(kib, out var value) ? value / 1024.0 : null;
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {result}");
        }
    }

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_init(IntPtr actions);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_destroy(IntPtr actions);

    [DllImport("libc")]
    private static extern int posix_spawn(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr actions, IntPtr attributes,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);

    [DllImport("libc", SetLastError = true)]
    private static extern int wait4(int pid, out int status, int options, IntPtr usage);
}
