using Dashboard.Domain.Notifications;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Notifications;

[Collection(DashboardCollection.Name)]
public sealed class NotificationMailTests(DashboardFactory factory)
{
    [Theory]
    [InlineData("ja", "テストメッセージ")]
    [InlineData("de", "Diese Testnachricht")]
    public async Task The_test_mail_reaches_every_address_through_smtp_in_the_chosen_language(string culture, string expected)
    {
        var first = $"failed-{culture}-1@demo.example";
        var second = $"failed-{culture}-2@demo.example";
        using (var scope = await ActingAs.DemoAdminAsync(factory))
        {
            var preferences = scope.ServiceProvider.GetRequiredService<NotificationPreferencesService>();
            await preferences.SaveAsync(NotificationCategory.FailedPayment, [first, second]);
            await preferences.SendTestAsync(NotificationCategory.FailedPayment, culture, "Failed payments");
        }

        foreach (var recipient in new[] { first, second })
        {
            var mail = await Mailbox.WaitForAsync(factory, recipient, "X-Seller-Central-Template: Test");
            Assert.Contains($"Content-Language: {culture}", mail);
            Assert.Contains(expected, Mailbox.Body(mail));
        }
    }
}

[Collection(DashboardCollection.Name)]
public sealed class NoticeMailTests(DashboardFactory factory)
{
    [Fact]
    public async Task A_new_claim_notice_is_mailed_in_french_to_the_claims_addresses_of_a_french_merchant()
    {
        const string recipient = "reclamations@demo.example";
        Guid merchantId;
        using (var scope = await ActingAs.DemoAdminAsync(factory))
        {
            await scope.ServiceProvider.GetRequiredService<NotificationPreferencesService>().SaveAsync(NotificationCategory.Claims, [recipient]);
            merchantId = scope.ServiceProvider.GetRequiredService<Dashboard.Infrastructure.Security.CurrentView>().MerchantId;
        }
        var notice = new PerformanceNotice(merchantId, Dashboard.Domain.Common.PaymentEnvironment.Production, NoticeType.ClaimFiled,
            "test-" + Guid.NewGuid().ToString("N"), "FR-424242", null, DateTime.UtcNow);

        await factory.Services.GetRequiredService<INoticeMailer>().SendAsync([notice], CancellationToken.None);

        var mail = await Mailbox.WaitForAsync(factory, recipient, "X-Seller-Central-Template: Notice");
        Assert.Contains("Content-Language: fr", mail);
        Assert.Contains("FR-424242", Mailbox.Body(mail));
        Assert.Contains("Nouvelle r", Mailbox.Body(mail));
    }
}
