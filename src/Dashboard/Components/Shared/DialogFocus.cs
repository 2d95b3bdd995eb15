using Radzen;

namespace Dashboard.Components.Shared;

/// <summary>Options for form dialogs: Radzen's delayed autofocus off, as the dialog's <see cref="FocusFirstField"/>
/// focuses its first field at once.</summary>
public static class DialogFocus
{
    /// <param name="width">CSS width; null leaves Radzen's.</param>
    /// <param name="closeOnOverlayClick">Null leaves Radzen's default.</param>
    public static DialogOptions Options(string? width = null, bool? closeOnOverlayClick = null)
    {
        var options = new DialogOptions { AutoFocusFirstElement = false };
        if (width is not null) options.Width = width;
        if (closeOnOverlayClick is { } close) options.CloseDialogOnOverlayClick = close;
        return options;
    }
}
