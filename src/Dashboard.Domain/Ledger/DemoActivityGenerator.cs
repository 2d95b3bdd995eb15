using System.Text;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Ledger;

/// <summary>What to simulate: a merchant environment, a range of days, and how busy each day is.</summary>
public sealed record DemoActivityRequest(
    Guid MerchantId,
    string Currency,
    string CountryCode,
    PaymentEnvironment Environment,
    DateOnly StartDate,
    int Days,
    int OrdersPerDay,
    int BatchSize = 2_000);

public sealed record DemoActivitySummary(int Orders, int EventsApplied, int EventsSkipped, int Settlements);

/// <summary>
/// Fills a merchant environment with realistic payment activity, day by day, through <see cref="LedgerService"/>
/// batches, closing settlements as the simulated clock passes each midnight. The same seed gives the same data.
/// Events due after the last day are dropped: those orders stay open, some of them close to expiry.
/// Memory stays flat for large runs: only the events still to come are held, and each batch has its own context.
/// </summary>
public sealed class DemoActivityGenerator(LedgerService ledger, SettlementService settlements)
{
    public const double DeclineRate = 0.08;
    public const double CancelRate = 0.04;
    public const double NeverCapturedRate = 0.05;
    public const double PartialCaptureRate = 0.15;
    public const double RefundRate = 0.10;
    public const double ClaimRate = 0.03;
    public const double ChargebackRate = 0.015;

    private static readonly (Claims.ClaimReason Reason, int Weight)[] ClaimMix =
    [
        (Claims.ClaimReason.NotReceived, 45), (Claims.ClaimReason.NotAsDescribed, 25), (Claims.ClaimReason.ReceivedLate, 15),
        (Claims.ClaimReason.ReturnNotRefunded, 10), (Claims.ClaimReason.ChargedMoreThanAuthorized, 5),
    ];

    private static readonly (string Network, string Code, string Description, Chargebacks.DisputeType Type)[] ChargebackReasons =
    [
        ("Visa", "10.4", "Other fraud – card-absent environment", Chargebacks.DisputeType.Unauthorized),
        ("Visa", "13.1", "Merchandise/services not received", Chargebacks.DisputeType.Service),
        ("Visa", "13.3", "Not as described or defective merchandise", Chargebacks.DisputeType.Service),
        ("Mastercard", "4837", "No cardholder authorization", Chargebacks.DisputeType.Unauthorized),
        ("Mastercard", "4853", "Cardholder dispute", Chargebacks.DisputeType.Service),
    ];

    private static readonly string[] Statements =
    [
        "The parcel never arrived and the tracking has not moved for ten days.",
        "The colour is not the one shown on the product page.",
        "I returned the item three weeks ago and I am still waiting for my refund.",
        "It arrived two weeks after the promised date; I no longer needed it.",
        "I was charged more than the amount shown at checkout.",
    ];

    // Orders per hour of the (UTC) day: quiet nights, a lunch bump, a busy evening.
    private static readonly int[] HourWeights = [2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 8, 9, 8, 7, 7, 8, 9, 10, 12, 12, 10, 7, 4];

    private static readonly (DeclineReason Reason, int Weight)[] DeclineMix =
    [
        (DeclineReason.InvalidPaymentMethod, 45), (DeclineReason.AmazonRejected, 30),
        (DeclineReason.ProcessingFailure, 15), (DeclineReason.TransactionTimedOut, 10),
    ];

    public async Task<DemoActivitySummary> GenerateAsync(DemoActivityRequest request, Random random, CancellationToken ct = default)
    {
        if (request.Days <= 0 || request.OrdersPerDay < 0 || request.BatchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(request));
        var run = new Run(request, random);
        var applied = 0;
        var skipped = 0;
        var settled = 0;
        var batch = new List<PaymentEvent>(request.BatchSize);
        var start = request.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        for (var day = 0; day < request.Days; day++)
        {
            var dayStart = start.AddDays(day);
            var dayEnd = dayStart.AddDays(1);
            for (var i = 0; i < request.OrdersPerDay; i++)
                run.PlanOrder(dayStart);
            run.Schedule(new AuthorizationExpiryCheck(request.MerchantId, request.Environment,
                $"demo-expiry-{request.MerchantId:N}-{dayStart:yyyyMMdd}", dayEnd.AddSeconds(-1)));

            while (run.NextBefore(dayEnd) is { } e)
            {
                batch.Add(e);
                if (batch.Count >= request.BatchSize)
                    (applied, skipped) = await FlushAsync(batch, applied, skipped, ct);
            }
            (applied, skipped) = await FlushAsync(batch, applied, skipped, ct);
            settled += (await settlements.CloseDueSettlementsAsync(request.MerchantId, request.Environment, dayEnd, ct)).Count;
        }
        return new DemoActivitySummary(run.Orders, applied, skipped, settled);
    }

    private async Task<(int Applied, int Skipped)> FlushAsync(List<PaymentEvent> batch, int applied, int skipped, CancellationToken ct)
    {
        if (batch.Count == 0) return (applied, skipped);
        var result = await ledger.ApplyAsync(batch.ToArray(), ct);
        batch.Clear();
        return (applied + result.Applied, skipped + result.Skipped);
    }

    /// <summary>The state of one simulation: the random source, the order counter and the events still to come.</summary>
    private sealed class Run(DemoActivityRequest request, Random random)
    {
        private readonly PriorityQueue<PaymentEvent, (long Ticks, long Sequence)> _pending = new();
        private readonly BuyerNames _names = BuyerNames.For(request.CountryCode);
        private readonly TimeSpan _lifetime = PaymentOrder.AuthorizationLifetime(request.Environment);
        private long _sequence;

        public int Orders { get; private set; }

        public PaymentEvent? NextBefore(DateTime endUtc) =>
            _pending.TryPeek(out var e, out var at) && at.Ticks < endUtc.Ticks ? _pending.Dequeue() : null;

        public void Schedule(PaymentEvent e) => _pending.Enqueue(e, (e.OccurredUtc.Ticks, _sequence++));

        public void PlanOrder(DateTime dayStart)
        {
            Orders++;
            var number = 100_000 + Orders;
            var created = dayStart.AddHours(PickHour()).AddSeconds(random.Next(3_600));
            var orderId = OrderId(created);
            var amount = Amount();
            var (name, email) = _names.Next(random);
            var events = 0;
            string NextId() => $"demo-{orderId:N}-{events++}";

            Schedule(new PaymentRequested(request.MerchantId, request.Environment, NextId(), created, orderId,
                $"S02-{random.Next(1_000_000, 10_000_000)}-{1_000_000 + number % 9_000_000:D7}",
                $"{request.CountryCode}-{number}", name, email, amount, request.Currency));

            if (random.NextDouble() < DeclineRate)
            {
                var reason = Pick(DeclineMix);
                var decidedAfter = reason == DeclineReason.TransactionTimedOut
                    ? PaymentOrder.DecisionWindow
                    : TimeSpan.FromSeconds(random.Next(3, 180));
                Schedule(new AuthorizationDecided(request.MerchantId, request.Environment, NextId(), created + decidedAfter, orderId, false, reason));
                return;
            }

            var approved = created.AddSeconds(random.Next(2, 90));
            Schedule(new AuthorizationDecided(request.MerchantId, request.Environment, NextId(), approved, orderId, true));
            var expires = approved + _lifetime;

            var fate = random.NextDouble() * (1 - DeclineRate);
            if (fate < CancelRate)
            {
                var at = approved + Fraction(TimeSpan.FromHours(1), Min(TimeSpan.FromHours(36), _lifetime * 0.8));
                Schedule(new CancelRequested(request.MerchantId, request.Environment, NextId(), at, orderId));
                return;
            }
            if (fate < CancelRate + NeverCapturedRate)
                return;   // left open: the expiry check ends it, or it is still open at the end of the range

            // Shipped within 0–5 days (in the Sandbox, well inside its 2-day lifetime).
            var shipped = approved + Fraction(TimeSpan.FromMinutes(10), Min(TimeSpan.FromDays(5), _lifetime * 0.6));
            var captures = new List<(DateTime At, long Amount)>();
            if (random.NextDouble() < PartialCaptureRate)
            {
                var parts = random.Next(2, 4);
                var total = random.NextDouble() < 0.25 ? Round(amount * (0.5 + random.NextDouble() * 0.4)) : amount;
                var left = total;
                var at = shipped;
                for (var p = 1; p <= parts && left > 0; p++)
                {
                    var part = p == parts ? left : Math.Max(1, Math.Min(left, Round(total / (double)parts * (0.6 + random.NextDouble() * 0.8))));
                    captures.Add((at, part));
                    left -= part;
                    at += Fraction(TimeSpan.FromHours(1), Min(TimeSpan.FromDays(2), (expires - at) * 0.3));
                }
            }
            else
            {
                captures.Add((shipped, amount));
            }
            foreach (var (at, part) in captures)
                Schedule(new CaptureRequested(request.MerchantId, request.Environment, NextId(), at, orderId, part, request.Currency));

            if (random.NextDouble() < RefundRate)
            {
                var captured = captures.Sum(c => c.Amount);
                var refund = random.NextDouble() < 0.6 ? captured : Math.Clamp(Round(captured * (0.1 + random.NextDouble() * 0.8)), 1, captured);
                var at = captures[^1].At + Fraction(TimeSpan.FromDays(1), TimeSpan.FromDays(20));
                Schedule(new RefundRequested(request.MerchantId, request.Environment, NextId(), at, orderId, refund, request.Currency));
            }

            // Claims and chargebacks arrive days after shipment; those filed near the end of the range are still open,
            // with deadlines around now. Some buyers withdraw; the rest wait for the merchant or the deadline job.
            // A separate random stream per order, so adding cases did not change the rest of the demo data.
            var cases = new Random(orderId.GetHashCode());
            var lastCapture = captures[^1];
            var capturedTotal = captures.Sum(c => c.Amount);
            if (cases.NextDouble() < ClaimRate)
            {
                var reason = Pick(cases, ClaimMix);
                var filed = lastCapture.At + Fraction(cases, TimeSpan.FromDays(2), TimeSpan.FromDays(20));
                var claimed = reason == Claims.ClaimReason.ChargedMoreThanAuthorized ? Math.Max(1, Round(capturedTotal * 0.1)) : capturedTotal;
                var claimId = OrderId(filed, cases);
                Schedule(new GuaranteeClaimFiled(request.MerchantId, request.Environment, NextId(), filed, orderId, claimId, reason,
                    claimed, Statements[(int)reason]));
                if (cases.NextDouble() < 0.2)
                    Schedule(new GuaranteeClaimDecided(request.MerchantId, request.Environment, NextId(),
                        filed + Fraction(cases, TimeSpan.FromDays(1), TimeSpan.FromDays(5)), claimId, Claims.ClaimStatus.Withdrawn));
            }
            else if (cases.NextDouble() < ChargebackRate)
            {
                var (network, code, description, type) = ChargebackReasons[cases.Next(ChargebackReasons.Length)];
                var filed = lastCapture.At + Fraction(cases, TimeSpan.FromDays(5), TimeSpan.FromDays(40));
                Schedule(new ChargebackFiled(request.MerchantId, request.Environment, NextId(), filed, orderId, OrderId(filed, cases),
                    network, code, description, type, capturedTotal));
            }
        }

        private int PickHour()
        {
            var roll = random.Next(HourWeights.Sum());
            for (var h = 0; h < HourWeights.Length; h++)
            {
                roll -= HourWeights[h];
                if (roll < 0) return h;
            }
            return 23;
        }

        private T Pick<T>((T Value, int Weight)[] mix) => Pick(random, mix);

        private static T Pick<T>(Random random, (T Value, int Weight)[] mix)
        {
            var roll = random.Next(mix.Sum(m => m.Weight));
            foreach (var (value, weight) in mix)
            {
                roll -= weight;
                if (roll < 0) return value;
            }
            return mix[^1].Value;
        }

        private TimeSpan Fraction(TimeSpan min, TimeSpan max) => Fraction(random, min, max);

        private static TimeSpan Fraction(Random random, TimeSpan min, TimeSpan max) =>
            max <= min ? min : min + (max - min) * random.NextDouble();

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        /// <summary>A shop price: EUR 5.00–450.00 (or the equivalent), skewed to small baskets, ending like real prices.</summary>
        private long Amount()
        {
            var (min, max) = PriceRange(request.Currency);
            var major = Math.Exp(Math.Log(min) + (Math.Log(max) - Math.Log(min)) * Math.Pow(random.NextDouble(), 1.4));
            if (Currencies.Exponent(request.Currency) == 0)
                return Math.Clamp((long)Math.Round(major / 10) * 10 - (random.Next(3) == 0 ? 20 : 0), (long)min, (long)max);
            var whole = (long)Math.Round(major);
            var cents = random.Next(4) switch { 0 => 0L, 1 => -1L, 2 => -10L, _ => -5L };
            return Math.Clamp(whole * 100 + cents, (long)(min * 100), (long)(max * 100));
        }

        private static (double Min, double Max) PriceRange(string currency) => currency switch
        {
            "JPY" => (500, 60_000),
            "GBP" => (4, 380),
            "SEK" => (55, 5_000),
            "DKK" => (37, 3_350),
            "HUF" => (2_000, 175_000),
            "USD" => (5.5, 490),
            _ => (5, 450),
        };

        /// <summary>Rounds a derived amount to what a shop would charge: whole yen tens, whole cents.</summary>
        private long Round(double minor) =>
            Currencies.Exponent(request.Currency) == 0 ? Math.Max(10, (long)Math.Round(minor / 10) * 10) : Math.Max(1, (long)Math.Round(minor));

        // Time-ordered like a version 7 GUID (kind to the primary-key index) but drawn from the seeded Random.
        private Guid OrderId(DateTime createdUtc) => OrderId(createdUtc, random);

        private static Guid OrderId(DateTime createdUtc, Random random)
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            var ms = (long)(createdUtc - DateTime.UnixEpoch).TotalMilliseconds;
            for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true);
        }
    }

    /// <summary>Plausible buyer names and e-mail addresses for the merchant's country.</summary>
    private sealed class BuyerNames(string[] first, string[] last, string[] domains, bool familyNameFirst)
    {
        public (string Name, string Email) Next(Random random)
        {
            var f = first[random.Next(first.Length)];
            var l = last[random.Next(last.Length)];
            var name = familyNameFirst ? $"{l} {f}" : $"{f} {l}";
            var local = random.Next(4) switch
            {
                0 => $"{Ascii(f)}.{Ascii(l)}",
                1 => $"{Ascii(f)[0]}{Ascii(l)}",
                2 => $"{Ascii(f)}{random.Next(1, 99)}",
                _ => $"{Ascii(l)}.{Ascii(f)}{random.Next(60, 100)}",
            };
            return (name, $"{local}@{domains[random.Next(domains.Length)]}");
        }

        private static string Ascii(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
                else if (c == 'ß') sb.Append("ss");
            }
            return sb.ToString();
        }

        public static BuyerNames For(string country) => country switch
        {
            "FR" or "LU" => new(
                ["Camille", "Léa", "Manon", "Chloé", "Inès", "Juliette", "Élodie", "Margaux", "Hugo", "Louis", "Lucas", "Gabriel",
                 "Théo", "Nathan", "Jules", "Antoine", "Mathilde", "Sébastien", "Benoît", "Hélène", "Céline", "François", "Aurélie", "Rémi"],
                ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
                 "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Mercier", "Faure"],
                ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "hotmail.fr", "wanadoo.fr"], false),
            "JP" => new(
                ["Haruto", "Yuto", "Sota", "Ren", "Takumi", "Kenta", "Daiki", "Shota", "Yui", "Hina", "Sakura", "Aoi", "Mei",
                 "Yuna", "Rin", "Misaki", "Ayaka", "Naoki", "Hiroshi", "Keiko", "Tomoko", "Kazuki", "Emi", "Riku"],
                ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida",
                 "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Saito", "Mori", "Ikeda"],
                ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "icloud.com", "outlook.jp"], true),
            "DE" or "NL" or "HU" or "DK" or "SE" => new(
                ["Lukas", "Leon", "Finn", "Jonas", "Paul", "Felix", "Maximilian", "Jürgen", "Sabine", "Anna", "Lena", "Marie",
                 "Sophie", "Julia", "Katrin", "Stefan", "Andreas", "Ute", "Björn", "Greta", "Tobias", "Jörg"],
                ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch",
                 "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange"],
                ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de"], false),
            "IT" => new(
                ["Giulia", "Francesca", "Chiara", "Sara", "Martina", "Alessandro", "Lorenzo", "Matteo", "Andrea", "Luca", "Marco", "Niccolò"],
                ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"],
                ["libero.it", "gmail.com", "virgilio.it", "tiscali.it", "alice.it"], false),
            "ES" or "PT" => new(
                ["Lucía", "María", "Paula", "Sofía", "Carmen", "Hugo", "Martín", "Pablo", "Álvaro", "Javier", "Sergio", "Inés"],
                ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz", "Ruiz", "Moreno"],
                ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es", "outlook.es"], false),
            _ => new(
                ["Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie",
                 "James", "William", "Grace", "Lily", "Chloe", "Daniel", "Hannah", "Rhys"],
                ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
                 "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"],
                ["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "sky.com", "yahoo.co.uk"], false),
        };
    }
}
