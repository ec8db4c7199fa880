using System.Text.RegularExpressions;

namespace Descent.Cli.Tests.Packaging;

/// <summary>Files of the repository these tests run from (found upward from the test assembly by Descent.slnx).</summary>
internal static partial class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(Root, relativePath)).ReplaceLineEndings("\n");

    /// <summary>The version every package takes, from Version.props (the one place it is set).</summary>
    public static string Version()
    {
        Match match = VersionElement().Match(Read("Version.props"));
        Assert.True(match.Success, "Version.props has no <Version> element");
        return match.Groups[1].Value;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Descent.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Descent.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
