using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive;
using Summarizer.Interactive.Commands;
using Summarizer.Llm;

namespace Summarizer.Interactive.Llm;

/// <summary>
/// <c>#!llm-config</c>: LLM settings for this notebook session, over the environment's. A key is asked for with a
/// masked prompt when <c>--api-key</c> has no value or the provider needs one the environment lacks.
/// </summary>
public sealed class LlmConfigCommand : MagicCommand
{
    private string? _apiKey;

    /// <summary><c>azure</c> or <c>openai</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Azure resource endpoint, or the OpenAI-compatible base URL including <c>/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model, or deployment for Azure.</summary>
    public string? Model { get; set; }

    /// <summary>The API key; given without a value, it is asked for with a masked prompt.</summary>
    public string? ApiKey
    {
        get => _apiKey;
        set
        {
            _apiKey = value;
            ApiKeyGiven = true;
        }
    }

    /// <summary>True when <c>--api-key</c> appeared (with or without a value).</summary>
    internal bool ApiKeyGiven { get; private set; }

    /// <inheritdoc />
    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (Provider is not null && !LlmProviders.Names.Contains(Provider.Trim().ToLowerInvariant()))
        {
            yield return $"Unknown --provider '{Provider}'. Known providers: {string.Join(", ", LlmProviders.Names)}.";
        }

        if (Endpoint is not null && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return $"--endpoint '{Endpoint}' is not an http(s) URL.";
        }
    }

    internal static async Task HandleAsync(LlmConfigCommand command, KernelInvocationContext context, LlmSession session)
    {
        if (command.Provider is not null)
        {
            var provider = LlmProviders.ParseProvider(command.Provider);
            if (provider != session.Provider)
            {
                // Settings made for the other provider would point at the wrong service.
                session.Endpoint = null;
                session.ApiKey = null;
                session.Model = null;
            }

            session.Provider = provider;
        }

        if (command.Endpoint is not null)
        {
            session.Endpoint = new Uri(command.Endpoint);
        }

        if (command.Model is not null)
        {
            session.Model = command.Model;
        }

        if (!string.IsNullOrEmpty(command.ApiKey))
        {
            session.ApiKey = command.ApiKey;
        }
        else if (command.ApiKeyGiven || session.NeedsKey(session.Provider ?? LlmProviders.FromEnvironment(null, session.GetVariable).Provider))
        {
            var key = await Kernel.GetPasswordAsync("API key").ConfigureAwait(false);
            var clear = key?.GetClearTextPassword();
            session.ApiKey = string.IsNullOrWhiteSpace(clear) ? session.ApiKey : clear.Trim();
        }

        LlmConfiguration? config = null;
        string? problem = null;
        try
        {
            config = session.Resolve();
        }
        catch (UserInputException e)
        {
            problem = e.Message + " " + LlmSession.Hint;
        }

        // LlmConfiguration.ToString masks the key.
        context.DisplayAs(config is null ? problem! : "LLM settings for this session: " + config, "text/plain");
    }
}

/// <summary>The providers as <c>#!llm-providers</c> shows them.</summary>
/// <param name="Providers">Each provider's status.</param>
public sealed record ProviderTable(IReadOnlyList<ProviderStatus> Providers);

/// <summary><c>#!llm-providers</c>: the LLM providers with what is configured and what is missing, never a key.</summary>
public sealed class LlmProvidersCommand : MagicCommand
{
    internal static Task HandleAsync(KernelInvocationContext context, LlmSession session)
    {
        KernelInvocationContextExtensions.Display(context, new ProviderTable(session.Describe()), "text/html", "text/plain");
        return Task.CompletedTask;
    }

    internal static string ToHtml(IReadOnlyList<ProviderStatus> statuses)
    {
        var html = new StringBuilder("<table class=\"summarizer-llm-providers\"><tr><th>provider</th><th>configured</th><th>settings</th><th>missing</th><th>about</th></tr>");
        foreach (var s in statuses)
        {
            html.Append("<tr><td><code>").Append(E(s.Name)).Append("</code></td><td>").Append(s.IsConfigured ? "yes" : "no").Append("</td><td>");
            foreach (var setting in s.Settings)
            {
                html.Append("<code>").Append(E(setting.Name)).Append("</code>: ").Append(E(State(setting))).Append("<br/>");
            }

            html.Append("</td><td>").Append(E(string.Join(", ", s.Missing))).Append("</td><td>").Append(E(s.Description)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    internal static string ToPlainText(IReadOnlyList<ProviderStatus> statuses)
    {
        var text = new StringBuilder();
        foreach (var s in statuses)
        {
            text.Append(s.Name).Append(": ").Append(s.IsConfigured ? "configured" : "not configured");
            if (s.Missing.Count > 0)
            {
                text.Append(" (missing: ").Append(string.Join(", ", s.Missing)).Append(')');
            }

            text.Append('\n');
            foreach (var setting in s.Settings)
            {
                text.Append("  ").Append(setting.Name).Append(": ").Append(State(setting)).Append('\n');
            }
        }

        return text.ToString();
    }

    // Describe already hides secrets; this guards against a state that is not one of its words.
    private static string State(ProviderSetting setting) =>
        setting.IsSecret && !setting.State.StartsWith("set", StringComparison.Ordinal) && !setting.State.StartsWith("not set", StringComparison.Ordinal)
            ? "set"
            : setting.State;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
