namespace Descent.Lab.Render.Landscape;

/// <summary>Finds an executable the way a shell does: a path as given, a bare name on PATH.</summary>
internal static class ExternalProgram
{
    public static string? Find(string program, string? searchPath)
    {
        if (string.IsNullOrWhiteSpace(program)) return null;
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        string path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program] : [program];
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
            }
        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
