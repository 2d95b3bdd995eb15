using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Tests.Users;
using Dashboard.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Domain.Tests.Users.UsersFixture;

namespace Dashboard.Domain.Tests.Notifications;

public sealed class NotificationPreferencesServiceTests : IDisposable
{
    private readonly UsersFixture _f = new();
    private readonly FakeActor _editor;

    public NotificationPreferencesServiceTests()
    {
        var user = _f.AddUser("ops@shop.example");
        _editor = _f.ActorFor(user, Grant((Section.Notifications, PermissionLevel.Edit)));
        _editor.ReauthenticatedUtc = Start;
    }

    public void Dispose() => _f.Dispose();

    private NotificationPreferencesService ServiceAs(FakeActor actor)
    {
        var scope = new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Sandbox);
        return new NotificationPreferencesService(_f.Db.Factory(scope), scope, actor, new AuditService(_f.Db.System, _f.Clock), _f.Outbox, _f.Clock);
    }

    [Fact]
    public async Task Addresses_are_saved_per_category_without_duplicates()
    {
        await ServiceAs(_editor).SaveAsync(NotificationCategory.Claims, NotificationRecipients.Split("claims@shop.example; Claims@shop.example\nteam@shop.example"));
        var saved = await ServiceAs(_editor).GetAsync();
        Assert.Equal(["claims@shop.example", "team@shop.example"], saved[NotificationCategory.Claims]);
        Assert.Empty(saved[NotificationCategory.Business]);
    }

    [Theory]
    [InlineData("", "Error.NotificationAddressRequired")]
    [InlineData("ok@shop.example, not-an-address", "Error.EmailInvalid")]
    [InlineData("a@s.example b@s.example c@s.example d@s.example e@s.example f@s.example g@s.example h@s.example i@s.example j@s.example k@s.example", "Error.TooManyAddresses")]
    public async Task Invalid_address_lists_are_refused(string input, string key)
    {
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => ServiceAs(_editor).SaveAsync(NotificationCategory.Business, NotificationRecipients.Split(input)));
        Assert.Equal(key, e.MessageKey);
    }

    [Fact]
    public async Task Changing_addresses_needs_a_fresh_password_and_edit_permission()
    {
        _f.Clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => ServiceAs(_editor).SaveAsync(NotificationCategory.Business, ["b@shop.example"]));
        var viewer = _f.ActorFor(_f.AddUser("viewer@shop.example"), Grant((Section.Notifications, PermissionLevel.View)));
        viewer.ReauthenticatedUtc = _f.Clock.UtcNow;
        await Assert.ThrowsAsync<ForbiddenException>(() => ServiceAs(viewer).SaveAsync(NotificationCategory.Business, ["b@shop.example"]));
        await Assert.ThrowsAsync<ForbiddenException>(() => ServiceAs(viewer).SendTestAsync(NotificationCategory.Business, "en", "Business"));
    }

    [Fact]
    public async Task A_change_is_audited_with_before_and_after_and_the_removed_address_is_told()
    {
        await ServiceAs(_editor).SaveAsync(NotificationCategory.Technical, ["old@shop.example"]);
        await ServiceAs(_editor).SaveAsync(NotificationCategory.Technical, ["new@shop.example"]);
        await using var db = _f.Db.Create(MerchantScope.System);
        var last = await db.AuditEvents.Where(e => e.Action == AuditActions.NotificationAddressesChanged).OrderBy(e => e.Id).LastAsync();
        Assert.Equal("before=old@shop.example; after=new@shop.example", last.Details);
        Assert.True(await db.EmailMessages.AnyAsync(m => m.Recipient == "old@shop.example" && m.TemplateKey == MailTemplatesKeys.SecurityChange));
    }

    [Fact]
    public async Task The_test_mail_goes_to_every_address_of_the_category_and_appears_in_the_sent_log()
    {
        await ServiceAs(_editor).SaveAsync(NotificationCategory.FailedPayment, ["a@shop.example", "b@shop.example"]);
        Assert.Equal(2, await ServiceAs(_editor).SendTestAsync(NotificationCategory.FailedPayment, "ja", "支払い失敗"));
        var log = await ServiceAs(_editor).SentLogAsync();
        Assert.Equal(["a@shop.example", "b@shop.example"], log.Where(m => m.TemplateKey == MailTemplatesKeys.Test).Select(m => m.Recipient).Order());
        Assert.All(log.Where(m => m.TemplateKey == MailTemplatesKeys.Test), m => Assert.Equal("ja", m.Culture));
    }

    [Fact]
    public async Task Portal_events_mail_the_categorys_addresses()
    {
        await ServiceAs(_editor).SaveAsync(NotificationCategory.Claims, ["claims@shop.example"]);
        var sent = await NotificationPreferencesService.EnqueueForCategoryAsync(_f.Db.System, _f.Outbox, _f.Merchant.Id, NotificationCategory.Claims, "Test", ["x", "y"], "fr");
        Assert.Equal(1, sent);
        Assert.Equal(0, await NotificationPreferencesService.EnqueueForCategoryAsync(_f.Db.System, _f.Outbox, _f.Other.Id, NotificationCategory.Claims, "Test", [], "fr"));
    }
}
