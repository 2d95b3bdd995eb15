using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Notifications;

/// <summary>A mail to queue: template and plain-text arguments; the renderer encodes the arguments.</summary>
public sealed record MailRequest(
    string Recipient,
    string RecipientName,
    string Culture,
    string TemplateKey,
    IReadOnlyList<string> Args,
    Guid? MerchantId = null);

public sealed record RenderedMail(string Subject, string HtmlBody);

/// <summary>Turns a template key and arguments into subject and body in one language (the web layer's resources).</summary>
public interface IMailRenderer
{
    RenderedMail Render(MailRequest request);
}

/// <summary>Hands one message to the mail server (or pickup directory). Throws when delivery failed.</summary>
public interface IMailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>The one way mail leaves the portal: queue now, deliver from the dispatcher, retry with backoff.</summary>
public sealed class EmailOutbox(IDbContextFactory<DashboardDbContext> contexts, IMailRenderer renderer, TimeProvider clock, OutboxSignal? signal = null)
{
    public async Task<Guid> EnqueueAsync(MailRequest request, CancellationToken ct = default)
    {
        var ids = await EnqueueAsync([request], ct);
        return ids[0];
    }

    public async Task<IReadOnlyList<Guid>> EnqueueAsync(IReadOnlyCollection<MailRequest> requests, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var messages = requests.Select(r =>
        {
            var mail = renderer.Render(r);
            return new EmailMessage(r.Recipient, r.Culture, r.TemplateKey, mail.Subject, mail.HtmlBody, r.MerchantId, now);
        }).ToList();
        db.EmailMessages.AddRange(messages);
        await db.SaveChangesAsync(ct);
        signal?.Notify();
        return messages.Select(m => m.Id).ToList();
    }

    /// <summary>Delivers every message due at <paramref name="nowUtc"/>; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(DateTime nowUtc, IMailTransport transport, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        List<EmailMessage> due;
        if (RowClaims.IsShared(db))
        {
            // Several instances: claim the rows, so no other instance sends the same mail.
            var claimed = await RowClaims.ClaimDueAsync<Guid>(db, "EmailMessages", "NextAttemptUtc", nowUtc, 50, ct);
            due = await db.EmailMessages.Where(m => claimed.Contains(m.Id)).ToListAsync(ct);
        }
        else
        {
            due = await db.EmailMessages
                .Where(m => m.Status == EmailStatus.Pending && m.NextAttemptUtc <= nowUtc)
                .OrderBy(m => m.NextAttemptUtc)
                .Take(50)
                .ToListAsync(ct);
        }
        var sent = 0;
        foreach (var message in due)
        {
            try
            {
                await transport.SendAsync(message, ct);
                message.MarkSent(nowUtc);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The exception text of SmtpClient names the server's answer, never the message body.
                message.MarkAttemptFailed(e.GetType().Name + ": " + e.Message, nowUtc);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    /// <summary>The sent log of one merchant, newest first.</summary>
    public async Task<IReadOnlyList<EmailMessage>> RecentForMerchantAsync(Guid merchantId, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EmailMessages.AsNoTracking()
            .Where(m => m.MerchantId == merchantId)
            .OrderByDescending(m => m.CreatedUtc)
            .Take(take)
            .ToListAsync(ct);
    }
}

/// <summary>Wakes the dispatcher when a message is queued, so mail leaves at once instead of at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        if (_queued.CurrentCount == 0)
        {
            try { _queued.Release(); } catch (SemaphoreFullException) { }
        }
    }

    /// <returns>true when woken by a queued message, false after <paramref name="timeout"/>.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _queued.WaitAsync(timeout, ct);
}
