using Dashboard.Components;
using Dashboard.Components.Account;
using Dashboard.Features.Audit;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.TestAccounts;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Performance;
using Dashboard.Features.Chargebacks;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Reports.Payments;
using Dashboard.Domain.Reports.Transactions;
using Dashboard.Domain.Users;
using Dashboard.Features.Reports;
using Dashboard.Infrastructure.Data;
using Dashboard.Infrastructure.Email;
using Dashboard.Infrastructure.Ipn;
using Dashboard.Infrastructure.Localization;
using Dashboard.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Radzen;

namespace Dashboard.Infrastructure;

public static class DashboardWebExtensions
{
    public static void AddDashboardWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        var dashboard = config.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        var dataDirectory = dashboard.ResolveDataDirectory(builder.Environment.ContentRootPath);
        // CFG-02: a folder that cannot be created is reported by DashboardOptionsValidator at start, with its name.
        try { Directory.CreateDirectory(dataDirectory); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        // CFG-02: configuration is validated when the portal starts (a bad value stops it with the setting's name).
        services.AddOptions<DashboardOptions>().Bind(config.GetSection(DashboardOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddSingleton(new DataDirectory(dataDirectory));

        // Data: one context type, created per operation by a scoped factory that reads the current view (SESS-09).
        // Database:Provider picks SQLite (default) or PostgreSQL; the same model and migrations serve both.
        var database = config.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ResolveConnectionString(config.GetConnectionString("Dashboard"), dataDirectory);
        services.AddSingleton(database);
        services.AddDbContextFactory<DashboardDbContext>(o => o.UseDashboardDatabase(database.Provider, connectionString), ServiceLifetime.Scoped);
        services.AddSingleton(new SystemDbContextFactory(new DbContextOptionsBuilder<DashboardDbContext>().UseDashboardDatabase(database.Provider, connectionString).Options));
        services.AddScoped<CurrentView>();
        services.AddScoped<IMerchantScope>(sp => sp.GetRequiredService<CurrentView>());
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentView>());
        services.AddScoped<RequestOrigin>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditService>();
        services.AddScoped(sp => new AuditChainVerifier(sp.GetRequiredService<SystemDbContextFactory>()));
        services.AddScoped<UserAccessService>();
        services.AddScoped(sp => new UserSessionService(sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>(),
            sp.GetRequiredService<TimeProvider>(), dashboard.AbsoluteLifetime));
        services.AddScoped<DisplayFormat>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<UiFeedback>();
        services.AddScoped<Reauthentication>();
        services.AddScoped<MemberService>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<NotificationPreferencesService>();
        services.AddScoped<AccountInfoService>();
        services.AddScoped(sp => new InvitationAcceptance(sp.GetRequiredService<SystemDbContextFactory>(), sp.GetRequiredService<AuditService>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<LedgerService>();
        services.AddScoped<SettlementService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<TransactionReportService>();
        services.AddScoped<SettlementReportService>();
        services.AddScoped<SavedViewService>();

        // Performance: claims, chargebacks, notices and the deadline job (server clock, system scope).
        services.AddScoped<ClaimService>();
        services.AddScoped<PerformanceSettingsService>();
        services.AddScoped<ChargebackService>();
        services.AddScoped<NoticeService>();
        services.AddScoped<AttentionService>();
        services.AddScoped<CustomerSatisfactionService>();
        services.AddSingleton<IVirusScanner, NoVirusScanner>();
        services.AddSingleton(sp => new EvidenceFiles(Path.Combine(dataDirectory, "evidence"), sp.GetRequiredService<IVirusScanner>(),
            new UploadRateLimit(sp.GetRequiredService<TimeProvider>())));
        // Notices are e-mailed to the merchant's addresses for their category, through the e-mail outbox.
        services.AddSingleton<INoticeMailer, OutboxNoticeMailer>();
        services.AddSingleton(sp => new PerformanceDeadlineJob(sp.GetRequiredService<SystemDbContextFactory>(),
            sp.GetRequiredService<INoticeMailer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<PerformanceDeadlineService>();

        // Integration: keys, step-up re-authentication (AUTH-08).
        services.AddSingleton<SecretProtector>();
        services.AddScoped<ReauthenticationService>();
        services.AddScoped<IStepUpAuthentication>(sp => sp.GetRequiredService<ReauthenticationService>());
        services.AddScoped<AccessKeyService>();
        services.AddScoped<IpnSettingsService>();
        services.AddScoped<TestAccountService>();
        services.AddScoped<LoginAppService>();
        services.AddScoped<LoginAppLogoReader>();
        services.AddScoped(sp => new IpnOptionsAccessor(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IpnOptions>>().Value.AllowedPorts));
        services.AddScoped<ReadinessService>();
        services.AddSingleton<Dashboard.Features.Integration.ApiFailureThrottle>();
        services.AddSingleton(sp => new ApiRequestVerifier(sp.GetRequiredService<SystemDbContextFactory>(), sp.GetRequiredService<SecretProtector>(),
            new AuditService(sp.GetRequiredService<SystemDbContextFactory>(), sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<SandboxSimulator>();
        services.AddSingleton(new BannerFiles(Path.Combine(dataDirectory, "banners")));
        services.AddSingleton(new LoginAppLogoFiles(Path.Combine(dataDirectory, "logos")));
        services.AddScoped<BannerService>();
        // The banner URL is public (buyers load it from the merchant's site): a system context, narrowed to one exact hash.
        services.AddSingleton(sp => new PublicBannerReader(sp.GetRequiredService<SystemDbContextFactory>(), sp.GetRequiredService<BannerFiles>()));
        services.Configure<IpnOptions>(config.GetSection(IpnOptions.SectionName));
        services.Configure<IpnDispatchOptions>(config.GetSection(IpnDispatchOptions.SectionName));
        // IPN-04: the allow-list is empty; only a test host replaces it (never bound from configuration).
        services.AddSingleton(IpnAddressAllowList.None);
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<IIpnSender>(sp => new SsrfSafeIpnSender(sp.GetRequiredService<IHostResolver>(), sp.GetRequiredService<IpnAddressAllowList>()));
        services.AddSingleton<IIpnFailureAlert, EmailIpnFailureAlert>();
        services.AddSingleton(sp => new IpnDispatcher(sp.GetRequiredService<SystemDbContextFactory>(), sp.GetRequiredService<IIpnSender>(),
            sp.GetRequiredService<SecretProtector>(), sp.GetRequiredService<IIpnFailureAlert>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IpnDispatcherService>();

        // CFG-01: keys survive restarts, so sign-ins, antiforgery tokens and encrypted secrets do too. With several
        // instances (PostgreSQL, or Database:DataProtectionKeysInDatabase) they live in the shared database.
        var dataProtection = services.AddDataProtection().SetApplicationName("Dashboard");
        if (database.KeysInDatabase)
            services.AddOptions<KeyManagementOptions>().Configure<SystemDbContextFactory>((o, contexts) => o.XmlRepository = new DatabaseXmlRepository(contexts));
        else
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        // Identity.
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        // SESS-02: idle circuits are locked after Dashboard:IdleTimeoutMinutes without input.
        services.AddScoped<CircuitActivity>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie?.Configure(o =>
                {
                    // SESS-01: __Host- prefix, Secure, HttpOnly, SameSite=Lax, no Domain.
                    o.Cookie.Name = "__Host-Dashboard";
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    o.Cookie.Path = "/";
                    o.LoginPath = "/Account/Login";
                    o.LogoutPath = "/Account/Logout";
                    o.AccessDeniedPath = "/access-denied";
                    // SESS-02: the cookie lives at most the absolute lifetime (12 h, not sliding) and the first sign-in
                    // instant is checked on every request (IssuedUtc moves on each security-stamp renewal). Idleness is
                    // enforced in the circuit (IdleLock + CircuitActivity), where the user's activity actually is:
                    // a 15-minute sliding cookie would never slide while someone works in a circuit (no HTTP requests)
                    // and would throw active users out on their next full page load.
                    o.ExpireTimeSpan = dashboard.AbsoluteLifetime;
                    o.SlidingExpiration = false;
                    SessionLifetime.Apply(o, dashboard.AbsoluteLifetime);
                    SessionTracking.Apply(o);
                });
                cookies.TwoFactorUserIdCookie?.Configure(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
                cookies.TwoFactorRememberMeCookie?.Configure(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
                cookies.ExternalCookie?.Configure(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            });
        services.AddIdentityCore<DashboardUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // AUTH-01: length 12 and letter+digit (custom validator), no other composition rule.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // AUTH-03: lock after 10 failures for 30 minutes.
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
                o.Lockout.AllowedForNewUsers = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddUserManager<DashboardUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // AUTH-04: authenticator codes are single-use (replaces Identity's AuthenticatorTokenProvider).
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<LetterAndDigitPasswordValidator<DashboardUser>>()
            .AddPasswordValidator<PasswordPolicyValidator>();
        // AUTH-07: OWASP's PBKDF2-HMAC-SHA512 work factor.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // SESS-03: security-stamp changes end other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(1, dashboard.RevalidationSeconds));
            SessionTracking.KeepSessionOnRefresh(o);
        });
        // SESS-06: browsers that once saw the portal over HTTPS never try plain HTTP again (outside Development).
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddAntiforgery(o =>
        {
            // Antiforgery refuses to run over plain HTTP with a Secure-only cookie; Development serves
            // http://localhost, every other environment HTTPS only.
            var httpsOnly = !builder.Environment.IsDevelopment();
            o.Cookie.Name = httpsOnly ? "__Host-Dashboard-AF" : "Dashboard-AF";
            o.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // BL-03: rate limits on sign-in, password reset and exports (HTTP) and on key, invitation and test-IPN actions.
        services.AddDashboardRateLimits(config);

        // AC-01: deny by default; pages declare [SectionAccess] or [MemberAccess].
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationPolicyProvider, SectionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, SectionAuthorizationHandler>();

        // E-mail.
        services.AddOptions<SmtpOptions>().Bind(config.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.PostConfigure<SmtpOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.Host) && string.IsNullOrWhiteSpace(o.PickupDirectory))
                o.PickupDirectory = Path.Combine(dataDirectory, "mail");
        });
        // Every mail goes through the outbox: queued in the database, delivered and retried by the dispatcher.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailRenderer, LocalizedMailRenderer>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<SecurityNotices>();
        services.AddScoped<IEmailSender<DashboardUser>, OutboxEmailSender>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());

        // Load balancers ask /health (anonymous): the database answers or the instance is out.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // UI.
        services.AddLocalization();
        // SESS-08: circuit and hub limits from the "Circuits" section (defaults = the framework's, written down).
        var circuits = config.GetSection(CircuitLimitsOptions.SectionName).Get<CircuitLimitsOptions>() ?? new CircuitLimitsOptions();
        services.AddOptions<CircuitLimitsOptions>().Bind(config.GetSection(CircuitLimitsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DetailedErrors = builder.Environment.IsDevelopment();
                o.DisconnectedCircuitMaxRetained = circuits.DisconnectedCircuitMaxRetained;
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(circuits.DisconnectedCircuitRetentionSeconds);
                o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(circuits.JSInteropTimeoutSeconds);
                o.MaxBufferedUnacknowledgedRenderBatches = circuits.MaxBufferedUnacknowledgedRenderBatches;
            })
            .AddHubOptions(o =>
            {
                o.MaximumReceiveMessageSize = circuits.MaximumReceiveMessageSizeKb * 1024L;
                o.ClientTimeoutInterval = TimeSpan.FromSeconds(circuits.ClientTimeoutSeconds);
                o.KeepAliveInterval = TimeSpan.FromSeconds(circuits.KeepAliveSeconds);
                o.HandshakeTimeout = TimeSpan.FromSeconds(circuits.HandshakeTimeoutSeconds);
            });
        services.AddSingleton<CircuitsPerUser>();
        services.AddScoped<CircuitQuota>();
        services.AddScoped<CircuitHandler, CircuitQuotaHandler>();
        // Issue 7: freed native memory handed back to the system after circuits close.
        services.AddSingleton<ClosedCircuits>();
        services.AddScoped<CircuitHandler, ClosedCircuitCounter>();
        services.AddSingleton<CircuitPauseOnShutdown>();
        services.AddScoped<CircuitHandler, PauseOnShutdownHandler>();
        services.AddSingleton<INativeHeap, GlibcHeap>();
        services.AddHostedService<NativeMemoryTrim>();
        services.AddRadzenComponents();
        services.AddRadzenCookieThemeService(o =>
        {
            o.Name = ThemeCookie.Name;
            o.Duration = TimeSpan.FromDays(365);
        });
    }

    public static void UseDashboardWeb(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            SecurityHeaders.Apply(context);
            context.RequestServices.GetRequiredService<RequestOrigin>().IpAddress = context.Connection.RemoteIpAddress?.ToString();
            await next();
        });

        app.UseBlazorHubGuard(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.AllowedOrigins);

        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en");
            o.AddSupportedCultures(SupportedCultures.Names);
            o.AddSupportedUICultures(SupportedCultures.Names);
            o.FallBackToParentCultures = true;
            // Cookie first (the header switcher and sign-in set it), then the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // REL-02: a locked, missing or unreadable database is a localized 503 page, not an error page.
        app.UseDatabaseUnavailablePage();

        app.UseAuthentication();
        app.UseTwoFactorEnrolment();
        app.UseAuthorization();
        app.UseDashboardRateLimits();
        app.UseAntiforgery();

        // Scripts, styles and images are public: the fallback policy must not send them to the login page.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoint();
        app.MapRazorComponents<App>()
            // SESS-06: SecurityHeaders sends one complete policy with frame-ancestors 'none' (stricter than Blazor's
            // own "frame-ancestors 'self'" header, which would otherwise arrive as a second CSP header).
            // SESS-08: compression as configured (CircuitLimitsOptions.WebSocketCompression); with a callback set,
            // Blazor applies ContentSecurityFrameAncestorsPolicy (null: none) and nothing else.
            .AddInteractiveServerRenderMode(o =>
            {
                o.ContentSecurityFrameAncestorsPolicy = null;
                o.ConfigureWebSocketAcceptContext = CircuitCompressionPolicy.For(
                    app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CircuitLimitsOptions>>().Value.WebSocketCompression);
            });
        app.MapAdditionalIdentityEndpoints();
        app.MapCultureEndpoints();
        app.MapEvidenceEndpoints();
        Dashboard.Features.Integration.BannerEndpoints.MapBannerEndpoints(app);
        Dashboard.Features.Integration.LoginAppLogoEndpoints.MapLoginAppLogoEndpoints(app);
        app.MapReportExports();
        app.MapAuditExport();
        Dashboard.Features.Integration.ReportsApiEndpoints.MapReportsApi(app);
        app.MapBenchEndpoints();
    }
}

public static class StartupBanner
{
    /// <summary>Tells the person who ran the portal where to sign in (and, with demo data, as whom).</summary>
    public static void PrintSignInAddress(this WebApplication app)
    {
        var demo = app.Configuration.GetValue<bool>($"{DashboardOptions.SectionName}:SeedDemoData");
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Seller Central is running. Sign in at {url.TrimEnd('/')}/Account/Login");
        }
        if (demo)
        {
            Console.WriteLine($"Demo users: {DemoDataSeeder.Admin.Email} / {DemoDataSeeder.Admin.Password}, " +
                $"{DemoDataSeeder.Staff.Email} / {DemoDataSeeder.Staff.Password}, {DemoDataSeeder.Accountant.Email} / {DemoDataSeeder.Accountant.Password}");
        }
    }
}

/// <summary>The resolved data directory (database, keys, mail pickup).</summary>
public sealed record DataDirectory(string Path);
