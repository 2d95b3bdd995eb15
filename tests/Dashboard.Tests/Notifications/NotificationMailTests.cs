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
