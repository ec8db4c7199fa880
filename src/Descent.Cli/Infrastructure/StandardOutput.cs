using System.Text;
using Descent.Lab.Render.Files;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Standard output that reports a failed write (stdout on a full disk or <c>/dev/full</c>, a closed pipe) as an
/// <see cref="OutputFileException"/> naming "standard output", so the command ends with exit code 1 and one line
/// instead of an unhandled exception.
/// </summary>
public sealed class StandardOutput(TextWriter inner) : TextWriter
{
    /// <summary>The name failures give as the path.</summary>
    public const string Name = "standard output";

    /// <summary>Replaces <see cref="Console.Out"/> with a guarded one (once).</summary>
    public static void Install()
    {
        if (Console.Out is not StandardOutput) Console.SetOut(new StandardOutput(Console.Out));
    }

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // The base setter accepts null and restores the default; so does the inner writer.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <inheritdoc/>
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine() => Guard(inner.WriteLine);

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e is not OutputFileException)
        {
            throw new OutputFileException(Name, e.Message.TrimEnd('.'), e);
        }
    }
}
