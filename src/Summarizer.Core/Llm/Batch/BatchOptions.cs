namespace Summarizer.Llm.Batch;

/// <summary>How <see cref="BatchJobs"/> submits, polls and stores Batch API jobs. Every property has a documented default.</summary>
public sealed record BatchOptions
{
    /// <summary>Requests per batch file OpenAI accepts (its Batch API reference: "up to 50,000 requests").</summary>
    public const int OpenAIMaxRequestsPerFile = 50_000;

    /// <summary>Requests per batch file Azure OpenAI accepts (its batch limits table: "Max requests per file 100,000").</summary>
    public const int AzureMaxRequestsPerFile = 100_000;

    /// <summary>Bytes per batch file: both services accept files of up to 200 MB, counted here as 200,000,000 bytes so
    /// either reading of "MB" is kept.</summary>
    public const long MaxBytesPerFileLimit = 200_000_000;

    /// <summary>The defaults below.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>Folder of job manifests and their files. Default null: <c>$XDG_CACHE_HOME/summarizer/batches</c> (or the
    /// OS equivalent).</summary>
    public string? JobsDirectory { get; init; }

    /// <summary>Requests per batch file. Default null: the provider's limit, <see cref="OpenAIMaxRequestsPerFile"/> or
    /// <see cref="AzureMaxRequestsPerFile"/>.</summary>
    public int? MaxRequestsPerFile { get; init; }

    /// <summary>Bytes per batch file. Default null: <see cref="MaxBytesPerFileLimit"/>.</summary>
    public long? MaxBytesPerFile { get; init; }

    /// <summary>The <c>api-version</c> of Azure OpenAI's files and batches calls. Default <c>2024-10-21</c>, the first
    /// generally available version with batches.</summary>
    public string AzureApiVersion { get; init; } = "2024-10-21";

    /// <summary>The completion window asked for. Default <c>24h</c>, the only one either service accepts.</summary>
    public string CompletionWindow { get; init; } = "24h";

    /// <summary>Wait between status checks while waiting for a job. Default 60 s (Azure asks for at least a minute).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for an uploaded file to be processed before its batch can be created. Default 10 minutes.</summary>
    public TimeSpan FileProcessingTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Every problem with the options, each naming the property; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxRequestsPerFile is < 1)
        {
            problems.Add($"MaxRequestsPerFile (--max-requests-per-file) must be at least 1, not {MaxRequestsPerFile}.");
        }

        if (MaxBytesPerFile is < 1024)
        {
            problems.Add($"MaxBytesPerFile (--max-bytes-per-file) must be at least 1024, not {MaxBytesPerFile}.");
        }

        if (string.IsNullOrWhiteSpace(AzureApiVersion))
        {
            problems.Add("AzureApiVersion (--api-version) must not be empty.");
        }

        if (PollInterval < TimeSpan.Zero)
        {
            problems.Add("PollInterval (--poll) must not be negative.");
        }

        return problems;
    }

    internal int RequestsPerFile(LlmProvider provider) =>
        MaxRequestsPerFile ?? (provider == LlmProvider.Azure ? AzureMaxRequestsPerFile : OpenAIMaxRequestsPerFile);

    internal long BytesPerFile => MaxBytesPerFile ?? MaxBytesPerFileLimit;

    internal string Directory => JobsDirectory ?? CacheFolder.Path("batches");
}
