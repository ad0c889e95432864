using Microsoft.DotNet.Interactive.CSharp;

namespace Summarizer.Interactive;

/// <summary>Sets C# variables for the next cell.</summary>
internal static class Variables
{
    /// <summary>
    /// Declares <paramref name="name"/> as <paramref name="type"/> holding <paramref name="value"/>. When the variable
    /// already exists with that type, only its value is replaced: declaring compiles a script submission (hundreds of
    /// milliseconds), which would dominate a repeated magic command.
    /// </summary>
    public static async Task SetAsync(CSharpKernel csharp, string name, object value, Type type)
    {
        var existing = csharp.ScriptState?.GetVariable(name);
        if (existing is { IsReadOnly: false } && existing.Type == type)
        {
            existing.Value = value;
            return;
        }

        await csharp.SetValueAsync(name, value, type).ConfigureAwait(false);
    }
}
