using Descent.Lab.Render.Landscape;

namespace Descent.Lab.Render.Tests.Landscape;

/// <summary>A fact that is skipped, with the reason, when <c>program</c> is not on PATH (CI installs ffmpeg).</summary>
public sealed class RequiresProgramFactAttribute : FactAttribute
{
    public RequiresProgramFactAttribute(string program)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        bool found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)) || File.Exists(Path.Combine(dir, program + ".exe")));
        if (!found) Skip = $"'{program}' is not on PATH; install it (apt-get install {program}) to run this test.";
    }
}
