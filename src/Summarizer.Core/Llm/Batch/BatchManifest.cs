using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Summarizer.Requests;

namespace Summarizer.Llm.Batch;

/// <summary>How far a part has got; each step is saved before and after the remote call it stands for.</summary>
internal enum PartStep
{
    /// <summary>The request file is written locally.</summary>
    Written,

    /// <summary>Its upload started; a file may or may not exist on the service.</summary>
    Uploading,

    /// <summary>Uploaded: <see cref="BatchPart.FileId"/> is known.</summary>
    Uploaded,

    /// <summary>Batch creation started; a batch may or may not exist on the service.</summary>
    Creating,

    /// <summary>The batch exists: <see cref="BatchPart.BatchId"/> is known.</summary>
    Submitted,

    /// <summary>The batch ended and its output and error files are downloaded whole.</summary>
    Downloaded,
}

/// <summary>
/// What decides the answers of a job: provider, endpoint, model and every option that shapes the prompts or the
/// results. Hashed with the inputs into the job id. Holds no key.
/// </summary>
internal sealed record BatchSettings
{
    public required string Provider { get; init; }

    public string? Endpoint { get; init; }

    public required string Model { get; init; }

    public string? Language { get; init; }

    public SummaryStyle Style { get; init; }

    public string? PromptTemplate { get; init; }

    public int? TargetWords { get; init; }

    public string? OutputLanguage { get; init; }

    public float? Temperature { get; init; }

    public int? MaxOutputTokens { get; init; }

    public int MaxInputTokens { get; init; }

    public string? Preselect { get; init; }

    public int PreselectSentences { get; init; }

    public double MinSupportScore { get; init; }

    public int MaxResponseChars { get; init; }

    public static BatchSettings From(SummarizeRequest request, LlmConfiguration configuration)
    {
        var o = request.Llm.Options;
        return new BatchSettings
        {
            Provider = LlmProviders.NameOf(configuration.Provider),
            Endpoint = configuration.Endpoint?.ToString(),
            Model = configuration.Model!,
            Language = request.Language,
            Style = o.Style,
            PromptTemplate = o.PromptTemplate,
            TargetWords = o.TargetWords,
            OutputLanguage = o.Language,
            Temperature = o.Temperature,
            MaxOutputTokens = o.MaxOutputTokens,
            MaxInputTokens = o.MaxInputTokens,
            Preselect = o.Preselect,
            PreselectSentences = o.PreselectSentences,
            MinSupportScore = o.MinSupportScore,
            MaxResponseChars = o.MaxResponseChars,
        };
    }

    /// <summary>The request these settings were taken from, with the run-time options given.</summary>
    public SummarizeRequest ToRequest(BatchRunOptions run) => new()
    {
        Method = LlmSummarizer.Method,
        Language = Language,
        Llm = new LlmRequest
        {
            Provider = Provider,
            Model = Model,
            Endpoint = Endpoint is null ? null : new Uri(Endpoint),
            Options = new LlmOptions
            {
                Style = Style,
                PromptTemplate = PromptTemplate,
                TargetWords = TargetWords,
                Language = OutputLanguage,
                Temperature = Temperature,
                MaxOutputTokens = MaxOutputTokens,
                MaxInputTokens = MaxInputTokens,
                Preselect = Preselect,
                PreselectSentences = PreselectSentences,
                MinSupportScore = MinSupportScore,
                MaxResponseChars = MaxResponseChars,
                UseCache = run.UseCache,
                CacheDirectory = run.CacheDirectory,
                Prices = run.Prices,
                MaxRetries = run.MaxRetries,
                Timeout = TimeSpan.FromSeconds(run.TimeoutSeconds),
            },
        },
    };
}

/// <summary>Options of a job that do not change its answers: where the cache is, prices, retries.</summary>
internal sealed record BatchRunOptions
{
    public bool UseCache { get; init; } = true;

    public string? CacheDirectory { get; init; }

    public LlmPrices? Prices { get; init; }

    public int MaxRetries { get; init; } = 4;

    public double TimeoutSeconds { get; init; } = 120;

    public static BatchRunOptions From(LlmOptions o) => new()
    {
        UseCache = o.UseCache,
        CacheDirectory = o.CacheDirectory,
        Prices = o.Prices,
        MaxRetries = o.MaxRetries,
        TimeoutSeconds = o.Timeout.TotalSeconds,
    };
}

/// <summary>One batch file of a job and what became of it.</summary>
internal sealed class BatchPart
{
    public int Number { get; set; }

    public int Round { get; set; }

    /// <summary>The request file, relative to the job folder.</summary>
    public required string File { get; set; }

    public int Requests { get; set; }

    public long Bytes { get; set; }

    /// <summary>First and last input index whose first requests are in this part (round 1 only, else -1).</summary>
    public int FirstInput { get; set; } = -1;

    public int LastInput { get; set; } = -1;

    public PartStep Step { get; set; }

    public string? FileId { get; set; }

    public string? BatchId { get; set; }

    /// <summary>The service's last reported status.</summary>
    public string? Status { get; set; }

    public int Completed { get; set; }

    public int Failed { get; set; }

    public string? OutputFileId { get; set; }

    public string? ErrorFileId { get; set; }

    /// <summary>Why the batch failed, as the service said (keys removed).</summary>
    public string? Error { get; set; }

    /// <summary>The part that submitted this part's unanswered requests again, once retried.</summary>
    public int? RetriedBy { get; set; }

    public DateTimeOffset? Updated { get; set; }

    [JsonIgnore]
    public bool IsTerminal => Status is "completed" or "failed" or "expired" or "cancelled";

    public string OutputFile => Path.ChangeExtension(File, ".output.jsonl");

    public string ErrorFile => Path.ChangeExtension(File, ".errors.jsonl");

    public BatchPartStatus ToStatus() => new(Number, Round, Requests, Bytes,
        Step >= PartStep.Submitted ? Status ?? "submitted" : Step.ToString().ToLowerInvariant(), BatchId, Completed, Failed, Error);
}

/// <summary>
/// A job's manifest, <c>&lt;jobs&gt;/&lt;id&gt;.json</c>: settings, the inputs' hash, and each part's file and batch
/// ids and state. Its inputs (each with its content hash) and request files live in the folder <c>&lt;jobs&gt;/&lt;id&gt;/</c>.
/// Saved whole to a temporary file and renamed over the old one, so a crash never leaves a torn manifest. Never holds a key.
/// </summary>
internal sealed class BatchManifest
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public int Version { get; set; } = 1;

    public required string Id { get; set; }

    public DateTimeOffset Created { get; set; }

    public required BatchSettings Settings { get; set; }

    public BatchRunOptions Run { get; set; } = new();

    /// <summary>Azure's api-version for files and batches (null for OpenAI).</summary>
    public string? ApiVersion { get; set; }

    /// <summary>SHA-256 of the inputs file: every input's content hash, in order.</summary>
    public required string InputsHash { get; set; }

    public int Inputs { get; set; }

    public int MaxRequestsPerFile { get; set; }

    public long MaxBytesPerFile { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>True once a collect found every input settled.</summary>
    public bool Finished { get; set; }

    public List<BatchPart> Parts { get; set; } = [];

    /// <summary>The job id for these settings and inputs: the same submission always finds the same job.</summary>
    public static string JobId(BatchSettings settings, string inputsHash)
    {
        var material = JsonSerializer.Serialize(settings, Json) + "\n" + inputsHash;
        return "job-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..16];
    }

    public BatchJobStatus ToStatus()
    {
        BatchJobState state;
        if (Cancelled)
        {
            state = BatchJobState.Cancelled;
        }
        else if (Parts.Any(p => p.Step < PartStep.Submitted))
        {
            state = BatchJobState.Submitting;
        }
        else if (Parts.Any(p => !p.IsTerminal))
        {
            state = BatchJobState.Running;
        }
        else
        {
            state = Finished ? BatchJobState.Completed : BatchJobState.Ready;
        }

        return new BatchJobStatus(Id, state, Settings.Provider, Settings.Model, Settings.Endpoint, Inputs, Created,
            Parts.Select(p => p.ToStatus()).ToArray());
    }
}
