using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Documents;

namespace Summarizer.Cli.Notebooks;

/// <summary>
/// Turns the kernel events of one cell into the cell's notebook outputs, the way an editor shows them: displays,
/// return values, stdout/stderr streams (consecutive writes merged) and errors; an updated display replaces its
/// earlier value in place.
/// </summary>
internal sealed class CellOutputCollector
{
    private readonly InteractiveDocumentElement _cell;
    private readonly Dictionary<string, DisplayElement> _displaysById = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CellOutputCollector(InteractiveDocumentElement cell)
    {
        _cell = cell;
        _cell.Outputs.Clear();
    }

    public void Add(KernelEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    AddTextUnlocked(TextOf(stdout), "stdout");
                    break;
                case StandardErrorValueProduced stderr:
                    AddTextUnlocked(TextOf(stderr), "stderr");
                    break;
                case ErrorProduced error:
                    _cell.Outputs.Add(new ErrorElement(error.Message, "Error"));
                    break;
                case ReturnValueProduced value:
                    var returned = new ReturnValueElement { ExecutionOrder = _cell.ExecutionOrder };
                    foreach (var formatted in value.FormattedValues)
                    {
                        returned.Data[formatted.MimeType] = formatted.Value;
                    }

                    _cell.Outputs.Add(returned);
                    break;
                case DisplayedValueUpdated updated when updated.ValueId is { } id && _displaysById.TryGetValue(id, out var shown):
                    shown.Data.Clear();
                    foreach (var formatted in updated.FormattedValues)
                    {
                        shown.Data[formatted.MimeType] = formatted.Value;
                    }

                    break;
                case DisplayedValueProduced or DisplayedValueUpdated when IsEmpty((DisplayEvent)e):
                    // Markup without any text (the kernel's package list when every package is built in) shows nothing.
                    break;
                case DisplayedValueProduced or DisplayedValueUpdated:
                    var display = (DisplayEvent)e;
                    var element = new DisplayElement(display.FormattedValues.ToDictionary(f => f.MimeType, f => (object)f.Value));
                    _cell.Outputs.Add(element);
                    if (display.ValueId is { } valueId)
                    {
                        _displaysById[valueId] = element;
                    }

                    break;
            }
        }
    }

    public void AddText(string text, string stream)
    {
        lock (_gate)
        {
            AddTextUnlocked(text, stream);
        }
    }

    public void AddError(string name, string message)
    {
        lock (_gate)
        {
            _cell.Outputs.Add(new ErrorElement(message, name));
        }
    }

    /// <summary>Records the failure unless an error output with the same message is already there.</summary>
    public void EnsureError(CommandFailed failed)
    {
        lock (_gate)
        {
            var message = failed.Message ?? failed.Exception?.Message ?? "The cell failed.";
            if (_cell.Outputs.OfType<ErrorElement>().Any(e => e.ErrorValue == message))
            {
                return;
            }

            var name = failed.Exception?.GetType().Name ?? "Error";
            var stack = failed.Exception?.StackTrace?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            _cell.Outputs.Add(new ErrorElement(message, name, stack));
        }
    }

    private void AddTextUnlocked(string text, string stream)
    {
        if (_cell.Outputs.Count > 0 && _cell.Outputs[^1] is TextElement last && last.Name == stream)
        {
            _cell.Outputs[^1] = new TextElement(last.Text + text, stream);
            return;
        }

        _cell.Outputs.Add(new TextElement(text, stream));
    }

    private static bool IsEmpty(DisplayEvent e) =>
        e.FormattedValues.Count > 0 && e.FormattedValues.All(f =>
            f.MimeType == "text/html" && System.Text.RegularExpressions.Regex.Replace(f.Value ?? "", "<[^>]*>", "").Trim().Length == 0
            && !f.Value!.Contains("<svg", StringComparison.OrdinalIgnoreCase) && !f.Value.Contains("<img", StringComparison.OrdinalIgnoreCase));

    private static string TextOf(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == "text/plain")?.Value
        ?? e.FormattedValues.FirstOrDefault()?.Value
        ?? e.Value?.ToString()
        ?? string.Empty;
}
