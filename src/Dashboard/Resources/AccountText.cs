namespace Dashboard.Resources;

/// <summary>Marker for the strings of the sign-in and account pages (AccountText.resx, .fr, .de, .ja).</summary>
public sealed class AccountText;
