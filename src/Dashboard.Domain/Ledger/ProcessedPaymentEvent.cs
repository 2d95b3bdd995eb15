using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>Remembers an applied event id, so a redelivered event has no second effect.</summary>
public sealed class ProcessedPaymentEvent : IEnvironmentOwned
{
    public const int EventIdMaxLength = 100;

    private ProcessedPaymentEvent() { }

    public ProcessedPaymentEvent(Guid merchantId, PaymentEnvironment environment, string eventId, DateTime processedUtc)
    {
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        EventId = eventId;
        ProcessedUtc = processedUtc;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string EventId { get; private set; } = "";
    public DateTime ProcessedUtc { get; private set; }
}
