using System.Globalization;
using System.Text.Encodings.Web;
using Dashboard.Domain.Notifications;
using Dashboard.Infrastructure.Localization;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace Dashboard.Infrastructure.Email;

/// <summary>Identity's template keys (the domain's are in MailTemplatesKeys): each has "Mail.{key}Subject" and "Mail.{key}Body" in UiText, with {0}, {1}… placeholders.</summary>
public static class MailTemplates
{
    public const string Confirm = "Confirm";
    public const string Reset = "Reset";
    public const string ResetCode = "ResetCode";
}

/// <summary>Renders a template in the recipient's language. Every argument is HTML-encoded; templates are trusted.</summary>
public sealed class LocalizedMailRenderer(IStringLocalizer<UiText> text) : IMailRenderer
{
    /// <summary>An argument "res:Key" is replaced by the resource Key in the recipient's language.</summary>
    public const string ResourcePrefix = "res:";

    // Encodes markup characters but keeps accents and Japanese readable in the mail source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public RenderedMail Render(MailRequest request)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var culture = SupportedCultures.Names.Contains(request.Culture) ? request.Culture : "en";
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var plain = request.Args.Select(a => a.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? text[a[ResourcePrefix.Length..]].Value : a).ToArray();
            var args = plain.Select(a => (object)Encoder.Encode(a)).ToArray();
            var subject = text[$"Mail.{request.TemplateKey}Subject", plain.Cast<object>().ToArray()];
            var body = text[$"Mail.{request.TemplateKey}Body", args];
            if (subject.ResourceNotFound || body.ResourceNotFound)
                throw new InvalidOperationException($"Mail template {request.TemplateKey} has no subject or body resource.");
            var greeting = Encoder.Encode(text["Mail.Greeting", request.RecipientName]);
            return new RenderedMail(subject.Value, $"<p>{greeting}</p><p>{body.Value}</p><p>— {Encoder.Encode(text["App.Name"])}</p>");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
