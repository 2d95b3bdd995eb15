namespace Dashboard.Resources;

/// <summary>Marker for the portal's shared UI strings (UiText.resx, .fr, .de, .ja): inject IStringLocalizer&lt;UiText&gt;.</summary>
public sealed class UiText;
