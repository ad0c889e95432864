using System.Globalization;
using System.Text;

namespace Summarizer.Llm.Batch;

/// <summary>Where a Batch API job stands.</summary>
public enum BatchJobState
{
    /// <summary>Some batch files are not uploaded or their batches not created yet (a submit was interrupted).</summary>
    Submitting,

    /// <summary>The service is still working on at least one batch.</summary>
    Running,

    /// <summary>Every batch has ended; collecting gives the summaries (and may start a round for long articles).</summary>
    Ready,

    /// <summary>Collected: every input has its summary or its error.</summary>
    Completed,

    /// <summary>Cancelled; what finished before can still be collected.</summary>
    Cancelled,
}

/// <summary>One batch of a job: one uploaded file of requests.</summary>
/// <param name="Number">The part's number in the job, from 1.</param>
/// <param name="Round">1 for the first requests of every article; 2 and up for the steps of long articles that needed
/// the answers of an earlier round.</param>
/// <param name="Requests">Requests in the file.</param>
/// <param name="Bytes">Size of the file.</param>
/// <param name="Status">The service's status (<c>validating</c>, <c>in_progress</c>, <c>finalizing</c>,
/// <c>completed</c>, <c>failed</c>, <c>expired</c>, <c>cancelling</c>, <c>cancelled</c>), or a local step
/// (<c>written</c>, <c>uploading</c>, <c>uploaded</c>, <c>creating</c>) before the batch exists.</param>
/// <param name="BatchId">The service's batch id, once created.</param>
/// <param name="Completed">Requests the service finished.</param>
/// <param name="Failed">Requests the service failed.</param>
/// <param name="Error">Why the batch failed, when it did.</param>
public sealed record BatchPartStatus(int Number, int Round, int Requests, long Bytes, string Status, string? BatchId, int Completed, int Failed,
    string? Error);

/// <summary>A Batch API job as its manifest records it: never shows a key.</summary>
/// <param name="Id">The job id (derived from the inputs and settings, so submitting the same again finds it).</param>
/// <param name="State">Where the job stands.</param>
/// <param name="Provider">The provider name (<c>azure</c>, <c>openai</c>).</param>
/// <param name="Model">The model, or the deployment for Azure.</param>
/// <param name="Endpoint">The endpoint or base URL, when one was given.</param>
/// <param name="Inputs">Inputs of the job (articles and inputs that failed to load).</param>
/// <param name="Created">When the job was submitted.</param>
/// <param name="Parts">The batches, in the order they were made.</param>
public sealed record BatchJobStatus(string Id, BatchJobState State, string Provider, string Model, string? Endpoint, int Inputs,
    DateTimeOffset Created, IReadOnlyList<BatchPartStatus> Parts)
{
    /// <summary>Requests in every part.</summary>
    public int Requests => Parts.Sum(p => p.Requests);

    /// <summary>One line per part under a line for the job, for terminals and logs.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{Id}  {State.ToString().ToLowerInvariant()}  {Provider}/{Model}  {Inputs} inputs, {Requests} requests in {Parts.Count} part(s), submitted {Created:yyyy-MM-dd HH:mm}Z");
        foreach (var p in Parts)
        {
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture,
                $"  part {p.Number} (round {p.Round}): {p.Status}, {p.Completed} done, {p.Failed} failed of {p.Requests}");
            if (p.BatchId is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  [{p.BatchId}]");
            }

            if (p.Error is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {p.Error}");
            }
        }

        return sb.ToString();
    }
}

/// <summary>What one collect found.</summary>
/// <param name="Status">The job after collecting.</param>
/// <param name="Succeeded">Inputs with a summary.</param>
/// <param name="Failed">Inputs with an error (load failures, failed or expired requests).</param>
/// <param name="Pending">Inputs still waiting for a batch to end.</param>
/// <param name="FollowUpRequests">Requests this collect submitted for long articles' next step.</param>
public sealed record BatchCollectResult(BatchJobStatus Status, int Succeeded, int Failed, int Pending, int FollowUpRequests)
{
    /// <summary>True when every input has its summary or its error.</summary>
    public bool IsComplete => Pending == 0;
}
