namespace Descent.Lab.Render.Landscape;

/// <summary>An external program that an output needs (ffmpeg for MP4) is not installed; nothing was written.</summary>
public sealed class MissingProgramException : Exception
{
    /// <summary>Creates the error for <paramref name="program"/>, needed to write <paramref name="what"/>.</summary>
    public MissingProgramException(string program, string what)
        : base($"Cannot write {what}: the program '{program}' was not found on PATH. Install it " +
               $"(Debian/Ubuntu: apt-get install {program}; other systems: https://ffmpeg.org/download.html) " +
               "or ask for a GIF instead.")
    {
        Program = program;
    }

    /// <summary>The missing program's name.</summary>
    public string Program { get; }
}
