using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Summarizer.Cli.Commands;
using Summarizer.Cli.Notebooks;

namespace Summarizer.Cli.Tests.Notebooks;

public sealed class NotebookSetupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("summarizer-setup-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Packages(string dllContent)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "packages-" + dllContent + "-" + Guid.NewGuid().ToString("N"))).FullName;
        Package(folder, "Summarizer.Core", dllContent, null);
        Package(folder, "Summarizer.Interactive", dllContent, "Summarizer.Core");
        return folder;
    }

    private static void Package(string folder, string id, string dllContent, string? dependency)
    {
        using var zip = ZipFile.Open(Path.Combine(folder, $"{id}.0.1.0-tool.nupkg"), ZipArchiveMode.Create);
        var dependencies = dependency is null ? "" : $"<dependencies><group targetFramework=\"net10.0\"><dependency id=\"{dependency}\" version=\"0.1.0-tool\" /><dependency id=\"Other.Package\" version=\"2.0.0\" /></group></dependencies>";
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            writer.Write($"<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>{id}</id><version>0.1.0-tool</version>{dependencies}</metadata></package>");
        }

        using (var writer = new StreamWriter(zip.CreateEntry($"lib/net10.0/{id}.dll").Open()))
        {
            writer.Write(id + dllContent);
        }
    }

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!;
    }

    [Fact]
    public void Install_SameBuildTwice_SameVersionAndTheFeedHoldsOnlyIt()
    {
        var data = Path.Combine(_root, "data");
        var first = new NotebookSetup(Packages("a"), data).Install();
        var again = new NotebookSetup(Packages("a"), data).Install();

        Assert.Equal(first.Version, again.Version);
        Assert.Matches(@"^0\.1\.0-local\.[0-9a-f]{12}$", first.Version);
        Assert.Equal(
            [$"Summarizer.Core.{first.Version}.nupkg", $"Summarizer.Interactive.{first.Version}.nupkg"],
            Directory.GetFiles(first.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Install_ChangedBuild_NewVersionReplacesTheOldOne()
    {
        var data = Path.Combine(_root, "data");
        var before = new NotebookSetup(Packages("a"), data).Install();

        var after = new NotebookSetup(Packages("b"), data).Install();

        Assert.NotEqual(before.Version, after.Version);
        Assert.All(Directory.GetFiles(after.Feed), f => Assert.Contains(after.Version, f, StringComparison.Ordinal));
        Assert.Contains(after.Version, File.ReadAllText(after.LoadFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Install_Packages_AreRevisedToTheLocalVersionWithTheirSummarizerDependency()
    {
        var result = new NotebookSetup(Packages("a"), Path.Combine(_root, "data")).Install();

        var nuspec = Nuspec(Path.Combine(result.Feed, $"Summarizer.Interactive.{result.Version}.nupkg"));
        Assert.Equal(result.Version, nuspec.Descendants().Single(e => e.Name.LocalName == "version").Value);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        Assert.Equal(result.Version, dependencies["Summarizer.Core"]);
        Assert.Equal("2.0.0", dependencies["Other.Package"]);
    }

    [Fact]
    public void Install_WritesTheTwoLinesANotebookSubmits()
    {
        var result = new NotebookSetup(Packages("a"), Path.Combine(_root, "data")).Install();

        Assert.Equal($"#i \"nuget: {result.Feed}\"\n#r \"nuget: Summarizer.Interactive, {result.Version}\"\n", File.ReadAllText(result.LoadFile));
        Assert.Equal(File.ReadAllText(result.LoadFile), result.Lines);
        Assert.True(Path.IsPathRooted(result.Feed));
    }

    [Fact]
    public void Install_NoPackages_NamesTheFolderAndTheFix()
    {
        var missing = Path.Combine(_root, "nowhere");

        var ex = Assert.Throws<UsageException>(() => new NotebookSetup(missing, Path.Combine(_root, "data")).Install());

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build src/Summarizer.Cli", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstallJupyterKernel_WritesASpecThatStartsTheToolByItsFullPath()
    {
        var path = NotebookSetup.InstallJupyterKernel("/opt/tools/Microsoft.DotNet.Interactive.App.dll", Path.Combine(_root, "kernels"));

        using var spec = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(Path.Combine(_root, "kernels", ".net-csharp", "kernel.json"), path);
        Assert.Equal(["dotnet", "/opt/tools/Microsoft.DotNet.Interactive.App.dll", "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"],
            spec.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("C#", spec.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public void InteractiveVersion_IsTheOneTheToolManifestPins()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("dotnet-tools.json")));

        Assert.Equal(NotebookCommand.InteractiveVersion, manifest.RootElement.GetProperty("tools").GetProperty("microsoft.dotnet-interactive").GetProperty("version").GetString());
    }

    [Fact]
    public void Install_PackagesTheToolWasBuiltWith_LoadInTheRunnersKernel()
    {
        using var feed = new LocalFeed();

        Assert.Equal(2, Directory.GetFiles(feed.Result.Feed, "*.nupkg").Length);
        Assert.StartsWith(NotebookHost.ExtensionPackageId + ".", Path.GetFileName(Directory.GetFiles(feed.Result.Feed, "Summarizer.Interactive.*").Single()), StringComparison.Ordinal);
    }
}
