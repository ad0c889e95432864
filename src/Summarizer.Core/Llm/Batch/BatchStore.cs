using System.Text.Json;

namespace Summarizer.Llm.Batch;

/// <summary>The jobs folder: manifests, each job's files, and a lock per job so two processes never work on one job at once.</summary>
internal sealed class BatchStore(string directory)
{
    public string Directory { get; } = directory;

    public string ManifestPath(string id) => Path.Combine(Directory, id + ".json");

    public string JobFolder(string id) => Path.Combine(Directory, id);

    public string PathOf(string id, string relative) => Path.Combine(JobFolder(id), relative);

    public bool Exists(string id) => File.Exists(ManifestPath(id));

    /// <summary>The manifest of job <paramref name="id"/>.</summary>
    /// <exception cref="UserInputException">No such job, or its manifest is unreadable (named).</exception>
    public BatchManifest Load(string id)
    {
        if (!IsJobId(id))
        {
            throw new UserInputException($"'{id}' is not a batch job id (they look like job-0123456789abcdef).");
        }

        var path = ManifestPath(id);
        if (!File.Exists(path))
        {
            throw new UserInputException($"No batch job '{id}' in {Directory}.");
        }

        try
        {
            return JsonSerializer.Deserialize<BatchManifest>(File.ReadAllText(path), BatchManifest.Json)
                ?? throw new UserInputException($"{path}: the manifest is empty.");
        }
        catch (JsonException ex)
        {
            throw new UserInputException($"{path}: the manifest is not valid JSON ({ex.Message}).");
        }
    }

    /// <summary>Every job's manifest, newest first; unreadable ones are skipped.</summary>
    public IReadOnlyList<BatchManifest> All()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var manifests = new List<BatchManifest>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "job-*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<BatchManifest>(File.ReadAllText(path), BatchManifest.Json) is { } m)
                {
                    manifests.Add(m);
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                // A manifest being replaced or damaged is left out of the list, not fatal to it.
            }
        }

        return manifests.OrderByDescending(m => m.Created).ToArray();
    }

    /// <summary>Writes the manifest to a temporary file, flushes it to disk and renames it over the old one.</summary>
    public void Save(BatchManifest manifest)
    {
        System.IO.Directory.CreateDirectory(Directory);
        WriteAtomically(ManifestPath(manifest.Id), JsonSerializer.SerializeToUtf8Bytes(manifest, BatchManifest.Json));
    }

    /// <summary>Holds the job's lock until disposed; waits up to <paramref name="wait"/> for another process to let go.</summary>
    /// <exception cref="UserInputException">Another process kept the job busy.</exception>
    public async Task<IDisposable> LockAsync(string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, id + ".lock");
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                throw new UserInputException($"Batch job '{id}' is in use by another summarizer process; try again when it is done.");
            }
        }
    }

    public static bool IsJobId(string id) =>
        id is { Length: 20 } && id.StartsWith("job-", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
