namespace Dashboard.Features.Performance;

/// <summary>
/// What a merchant is typing into a claim or chargeback response, and which claim response dialog is open. The detail
/// page holds it as persisted component state: when the circuit is paused or evicted (a long idle tab, the server
/// restarting, too many disconnected circuits), the resumed page shows the same dialog with the same text, including
/// keystrokes the draft autosave had not stored yet. Plain settable properties: it is serialized as JSON.
/// </summary>
public sealed class UnsavedResponse
{
    /// <summary>The claim action whose dialog is open (a <c>ClaimAction</c> name), or null.</summary>
    public string? Action { get; set; }

    public string? Text { get; set; }
    public DateTime? ShippedOn { get; set; }
    public string? Carrier { get; set; }
    public string? Tracking { get; set; }
    public decimal? Amount { get; set; }

    public bool IsEmpty => Text is null && ShippedOn is null && Carrier is null && Tracking is null && Amount is null;

    public void Clear()
    {
        Action = null;
        Text = Carrier = Tracking = null;
        ShippedOn = null;
        Amount = null;
    }
}
