namespace Summarizer.Core.Tests.Entities.Training;

/// <summary>A temporary folder for sample data files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("summarizer-ner-").FullName;

    /// <summary>Writes <paramref name="text"/> to a file under the folder (creating sub-folders) and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
