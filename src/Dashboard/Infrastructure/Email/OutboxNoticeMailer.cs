using System.Globalization;
using Dashboard.Domain.Notifications;
using Dashboard.Infrastructure.Data;
using Dashboard.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dashboard.Infrastructure.Email;

/// <summary>
/// E-mails performance notices to the addresses the merchant set for their category (Settings › Notification
/// preferences): claims and chargebacks to the claims addresses, the defect rate to the business addresses, IPN and key
/// notices to the technical addresses. Distribution lists have no language of their own, so the merchant's country
/// decides it.
/// </summary>
public sealed class OutboxNoticeMailer(SystemDbContextFactory contexts, IServiceScopeFactory scopes, IStringLocalizer<UiText> text)
    : INoticeMailer
{
    public async Task SendAsync(IReadOnlyList<PerformanceNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var merchantIds = notices.Select(n => n.MerchantId).Distinct().ToList();
        await using var db = contexts.CreateDbContext();
        var countries = await db.Merchants.AsNoTracking().Where(m => merchantIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.CountryCode, ct);
        foreach (var notice in notices)
        {
            var culture = CultureFor(countries.GetValueOrDefault(notice.MerchantId));
            string[] args = [Sentence(notice, culture), $"{LocalizedMailRenderer.ResourcePrefix}Environment.{notice.Environment}"];
            await NotificationPreferencesService.EnqueueForCategoryAsync(contexts, outbox, notice.MerchantId, CategoryOf(notice.Category),
                "Notice", args, culture, ct);
        }
    }

    public static NotificationCategory CategoryOf(NoticeCategory category) => category switch
    {
        NoticeCategory.Claims or NoticeCategory.Chargebacks => NotificationCategory.Claims,
        NoticeCategory.Policy => NotificationCategory.Business,
        _ => NotificationCategory.Technical,
    };

    public static string CultureFor(string? country) => country switch
    {
        "FR" or "LU" => "fr",
        "DE" => "de",
        "JP" => "ja",
        _ => "en",
    };

    private string Sentence(PerformanceNotice notice, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return text[$"Notice.{notice.Type}", notice.Subject ?? ""].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
