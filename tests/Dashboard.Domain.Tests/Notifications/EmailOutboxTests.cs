using Dashboard.Domain.Common;
using Dashboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Notifications;

public sealed class EmailOutboxTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeTransport _transport = new();
    private readonly EmailOutbox _outbox;

    public EmailOutboxTests() => _outbox = new EmailOutbox(_db.System, new EchoRenderer(), _clock);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_queued_mail_is_rendered_in_the_recipients_language_and_sent_once()
    {
        var id = await _outbox.EnqueueAsync(new MailRequest("ops@shop.example", "Ops", "fr", "Test", ["a"]));

        Assert.Equal(1, await _outbox.DispatchDueAsync(_clock.UtcNow, _transport));
        Assert.Equal(0, await _outbox.DispatchDueAsync(_clock.UtcNow, _transport));

        var sent = Assert.Single(_transport.Delivered);
        Assert.Equal("[fr] Test", sent.Subject);
        Assert.Equal("ops@shop.example", sent.Recipient);
        await using var db = _db.Create(MerchantScope.System);
        var row = await db.EmailMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(EmailStatus.Sent, row.Status);
        Assert.Equal(Start, row.SentUtc);
        Assert.Null(row.Body); // links in bodies are credentials; the sent log keeps no body
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_exponential_backoff_and_given_up_after_the_last_attempt()
    {
        var id = await _outbox.EnqueueAsync(new MailRequest("ops@shop.example", "Ops", "en", "Test", []));
        _transport.FailNext = int.MaxValue;

        Assert.Equal(0, await _outbox.DispatchDueAsync(_clock.UtcNow, _transport));
        var first = await RowAsync(id);
        Assert.Equal(EmailStatus.Pending, first.Status);
        Assert.Equal(Start.AddSeconds(30), first.NextAttemptUtc);
        Assert.Contains("SmtpException", first.LastError);

        // Not due before its next attempt.
        _clock.Advance(TimeSpan.FromSeconds(29));
        await _outbox.DispatchDueAsync(_clock.UtcNow, _transport);
        Assert.Equal(1, (await RowAsync(id)).Attempts);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _outbox.DispatchDueAsync(_clock.UtcNow, _transport);
        Assert.Equal(_clock.UtcNow.AddSeconds(60), (await RowAsync(id)).NextAttemptUtc);

        for (var i = 2; i < EmailMessage.MaxAttempts; i++)
        {
            _clock.Set((await RowAsync(id)).NextAttemptUtc!.Value);
            await _outbox.DispatchDueAsync(_clock.UtcNow, _transport);
        }
        var last = await RowAsync(id);
        Assert.Equal(EmailStatus.Failed, last.Status);
        Assert.Equal(EmailMessage.MaxAttempts, last.Attempts);
        Assert.Null(last.NextAttemptUtc);
        Assert.Null(last.Body);
    }

    [Fact]
    public async Task A_mail_that_fails_once_is_sent_on_the_retry()
    {
        var id = await _outbox.EnqueueAsync(new MailRequest("ops@shop.example", "Ops", "de", "Test", []));
        _transport.FailNext = 1;
        await _outbox.DispatchDueAsync(_clock.UtcNow, _transport);
        _clock.Advance(EmailMessage.Backoff(1));
        Assert.Equal(1, await _outbox.DispatchDueAsync(_clock.UtcNow, _transport));
        var row = await RowAsync(id);
        Assert.Equal(EmailStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public void Backoff_doubles_from_30_seconds_and_is_capped_at_8_hours()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), EmailMessage.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), EmailMessage.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(4), EmailMessage.Backoff(4));
        Assert.Equal(TimeSpan.FromHours(8), EmailMessage.Backoff(20));
    }

    [Fact]
    public async Task An_invalid_recipient_is_refused_when_queued()
    {
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => _outbox.EnqueueAsync(new MailRequest("not-an-address", "X", "en", "Test", [])));
        Assert.Equal("Error.EmailInvalid", e.MessageKey);
    }

    [Fact]
    public async Task The_sent_log_shows_only_the_merchants_own_mail()
    {
        var a = Guid.NewGuid();
        await _outbox.EnqueueAsync(new MailRequest("a@shop.example", "A", "en", "Test", [], a));
        await _outbox.EnqueueAsync(new MailRequest("b@shop.example", "B", "en", "Test", [], Guid.NewGuid()));
        var log = await _outbox.RecentForMerchantAsync(a, 10);
        Assert.Equal("a@shop.example", Assert.Single(log).Recipient);
    }

    private async Task<EmailMessage> RowAsync(Guid id)
    {
        await using var db = _db.Create(MerchantScope.System);
        return await db.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private sealed class EchoRenderer : IMailRenderer
    {
        public RenderedMail Render(MailRequest r) => new($"[{r.Culture}] {r.TemplateKey}", string.Join(",", r.Args));
    }

    private sealed class FakeTransport : IMailTransport
    {
        public List<EmailMessage> Delivered { get; } = [];
        public int FailNext { get; set; }

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new System.Net.Mail.SmtpException("451 try again later");
            }
            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }
}
