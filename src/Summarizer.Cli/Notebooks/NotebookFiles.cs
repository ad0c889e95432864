using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Summarizer.Cli.Notebooks;

/// <summary>A notebook file that cannot be read; the message names the file.</summary>
internal sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads .ipynb and .dib notebooks and writes executed ones as .ipynb.</summary>
internal static class NotebookFiles
{
    /// <summary>Loads a notebook; cells that name no kernel run in C#.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotebookFormatException">The file is not a notebook this runner reads.</exception>
    public static async Task<InteractiveDocument> LoadAsync(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Notebook not found: {path}", path);
        }

        var extension = file.Extension.ToLowerInvariant();
        if (extension is not (".ipynb" or ".dib"))
        {
            throw new NotebookFormatException($"{path}: expected a .ipynb or .dib notebook, not '{file.Extension}'.");
        }

        var kernelInfos = NotebookKernel.KernelInfos();
        kernelInfos.DefaultKernelName = NotebookKernel.CSharp;
        try
        {
            var document = await InteractiveDocument.LoadAsync(file, kernelInfos).ConfigureAwait(false);
            foreach (var cell in document.Elements)
            {
                cell.KernelName ??= NotebookKernel.CSharp;
            }

            return document;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new NotebookFormatException($"{path}: not a readable notebook ({ex.Message}).", ex);
        }
    }

    /// <summary>Writes <paramref name="document"/> as Jupyter JSON (nbformat 4) with its outputs.</summary>
    public static void WriteIpynb(InteractiveDocument document, string path)
    {
        if (!document.Metadata.ContainsKey("kernelspec"))
        {
            // A .dib has no Jupyter metadata; without a kernelspec editors would not know the language.
            document.Metadata["kernelspec"] = new Dictionary<string, object>
            {
                ["display_name"] = ".NET (C#)",
                ["language"] = "C#",
                ["name"] = ".net-csharp",
            };
            document.Metadata["language_info"] = new Dictionary<string, object>
            {
                ["file_extension"] = ".cs",
                ["mimetype"] = "text/x-csharp",
                ["name"] = "C#",
                ["pygments_lexer"] = "csharp",
            };
        }

        // Only the kernels the runner hosts are recorded, so the file does not advertise languages it never used.
        var kernelInfos = new KernelInfoCollection
        {
            new(NotebookKernel.CSharp, "C#", ["c#", "C#"]),
            new(NotebookKernel.Value, "value", []),
        };
        kernelInfos.DefaultKernelName = NotebookKernel.CSharp;
        using var stream = File.Create(path);
        Notebook.Write(document, stream, kernelInfos);
    }

    /// <summary>Writes a text file as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));
}
