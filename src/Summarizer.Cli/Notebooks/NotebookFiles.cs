using System.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Writes <paramref name="document"/> as Jupyter JSON (nbformat 4.5) with its outputs. Every cell has an id, as
    /// nbformat 4.5 requires: the source notebook's id when <paramref name="sourceIds"/> has one for that cell, else
    /// one derived from the cell's position and text.
    /// </summary>
    public static void WriteIpynb(InteractiveDocument document, string path, IReadOnlyList<string?>? sourceIds = null)
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
        using var buffer = new MemoryStream();
        Notebook.Write(document, buffer, kernelInfos);
        var json = JsonNode.Parse(buffer.ToArray())!.AsObject();
        json["nbformat_minor"] = Math.Max(5, json["nbformat_minor"]?.GetValue<int>() ?? 0);
        var cells = json["cells"]!.AsArray();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            var id = sourceIds is not null && i < sourceIds.Count && sourceIds[i] is { Length: > 0 } given ? given : DerivedId(i, cell);
            while (!used.Add(id))
            {
                id += "-" + i.ToString(CultureInfo.InvariantCulture);
            }

            // nbformat expects the id right after cell_type; readers do not care, but diffs read better.
            var rest = cell.Where(p => p.Key != "cell_type").Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
            var type = cell["cell_type"]?.DeepClone();
            cell.Clear();
            cell["cell_type"] = type;
            cell["id"] = id;
            foreach (var (key, value) in rest)
            {
                cell[key] = value;
            }
        }

        WriteText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    /// <summary>The ids of an .ipynb's cells, in order (null for a cell without one, or for a .dib).</summary>
    public static IReadOnlyList<string?> CellIds(string path)
    {
        if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        try
        {
            var cells = JsonNode.Parse(File.ReadAllText(path))?["cells"]?.AsArray();
            return cells?.Select(c => c?["id"]?.GetValue<string>()).ToArray() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string DerivedId(int index, JsonObject cell)
    {
        var source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => l?.GetValue<string>())) : cell["source"]?.ToString();
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture) + ":" + source));
        return Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>Writes a text file as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));
}
