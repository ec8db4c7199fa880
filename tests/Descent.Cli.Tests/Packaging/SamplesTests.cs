using System.Text.Json;
using System.Text.RegularExpressions;

namespace Descent.Cli.Tests.Packaging;

/// <summary>
/// The samples are what CI builds and runs against the packed feed; README's snippet and the notebook are
/// tied to them here, so neither can rot while the samples work.
/// </summary>
public sealed partial class SamplesTests
{
    [Fact]
    public void Readme_InYourOwnCode_IsTheTrainYourOwnLoopSample()
    {
        string readme = RepositoryFiles.Read("README.md");
        int section = readme.IndexOf("### In your own code\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no '### In your own code' section");
        Match block = CSharpBlock().Match(readme, section);
        Assert.True(block.Success, "README's 'In your own code' section has no ```csharp block");

        string sample = RepositoryFiles.Read("samples/TrainYourOwnLoop/Program.cs");
        Assert.Equal(sample.TrimEnd('\n'), block.Groups[1].Value.TrimEnd('\n'));
    }

    [Fact]
    public void Notebook_Json_IsANotebookReferencingThePackagedVersion()
    {
        using var notebook = JsonDocument.Parse(RepositoryFiles.Read("samples/tour.ipynb"));
        JsonElement root = notebook.RootElement;
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal("csharp", root.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());

        string version = RepositoryFiles.Version();
        string code = string.Join("\n", CodeLines(root));
        Assert.Contains($"#r \"nuget: Descent.Lab, {version}\"", code);
        Assert.Contains($"#r \"nuget: Descent.Lab.Render, {version}\"", code);
        // Every package reference names the packaged version, so no cell loads an older one.
        foreach (Match reference in NugetReference().Matches(code))
            Assert.Equal(version, reference.Groups[2].Value);
    }

    [Fact]
    public void Notebook_Cells_FollowTheOptimizerLabSample()
    {
        using var notebook = JsonDocument.Parse(RepositoryFiles.Read("samples/tour.ipynb"));
        var cells = CodeLines(notebook.RootElement).Select(l => l.Trim()).ToList();

        // Each statement of the sample, in the sample's order; only where the pictures go (its argument) differs.
        var statements = RepositoryFiles.Read("samples/OptimizerLab/Program.cs").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.Contains("args", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(statements);
        int at = 0;
        foreach (string statement in statements)
        {
            int found = cells.IndexOf(statement, at);
            Assert.True(found >= 0, $"The notebook lacks, after its line {at}, the sample's line: {statement}");
            at = found + 1;
        }
    }

    [Fact]
    public void Changelog_CurrentVersion_HasItsSection()
    {
        string changelog = RepositoryFiles.Read("CHANGELOG.md");
        Assert.Contains("## [Unreleased]", changelog);
        Assert.Contains($"## [{RepositoryFiles.Version()}]", changelog);
    }

    private static IEnumerable<string> CodeLines(JsonElement notebook) =>
        notebook.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())).Split('\n'));

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"#r ""nuget:\s*([^,""]+),\s*([^""]+)""")]
    private static partial Regex NugetReference();
}
