using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Tests.Claims;

public class ClaimTransitionTests
{
    [Fact]
    public void A_claim_moves_only_along_its_table()
    {
        HashSet<(ClaimStatus, ClaimStatus)> allowed =
        [
            (ClaimStatus.ActionRequired, ClaimStatus.Refunded),
            (ClaimStatus.ActionRequired, ClaimStatus.PartiallyRefunded),
            (ClaimStatus.ActionRequired, ClaimStatus.Represented),
            (ClaimStatus.ActionRequired, ClaimStatus.UnshippedCanceled),
            (ClaimStatus.ActionRequired, ClaimStatus.AutoAssigned),
            (ClaimStatus.ActionRequired, ClaimStatus.Withdrawn),
            (ClaimStatus.PartiallyRefunded, ClaimStatus.Granted), (ClaimStatus.PartiallyRefunded, ClaimStatus.Denied), (ClaimStatus.PartiallyRefunded, ClaimStatus.Withdrawn),
            (ClaimStatus.Represented, ClaimStatus.Granted), (ClaimStatus.Represented, ClaimStatus.Denied), (ClaimStatus.Represented, ClaimStatus.Withdrawn),
            (ClaimStatus.UnshippedCanceled, ClaimStatus.Granted), (ClaimStatus.UnshippedCanceled, ClaimStatus.Denied), (ClaimStatus.UnshippedCanceled, ClaimStatus.Withdrawn),
            (ClaimStatus.Granted, ClaimStatus.AppealSubmitted),
            (ClaimStatus.AppealSubmitted, ClaimStatus.AppealWon), (ClaimStatus.AppealSubmitted, ClaimStatus.AppealLost),
        ];
        AssertMachine(ClaimTransitions.Table, allowed);
    }

    [Fact]
    public void A_chargeback_is_accepted_contested_or_expires_and_only_a_contested_one_is_won_or_lost()
    {
        HashSet<(ChargebackStatus, ChargebackStatus)> allowed =
        [
            (ChargebackStatus.ActionRequired, ChargebackStatus.Accepted),
            (ChargebackStatus.ActionRequired, ChargebackStatus.Contested),
            (ChargebackStatus.ActionRequired, ChargebackStatus.Expired),
            (ChargebackStatus.Contested, ChargebackStatus.Won),
            (ChargebackStatus.Contested, ChargebackStatus.Lost),
        ];
        AssertMachine(ChargebackTransitions.Table, allowed);
    }

    private static void AssertMachine<T>(TransitionTable<T> table, HashSet<(T, T)> allowed) where T : struct, Enum
    {
        foreach (var (from, to, isAllowed) in table.AllPairs())
        {
            Assert.True(allowed.Contains((from, to)) == isAllowed, $"{from} -> {to}: table says {isAllowed}");
            if (!isAllowed)
                Assert.Equal("Error.IllegalTransition", Assert.Throws<DomainRuleException>(() => table.EnsureAllowed(from, to)).MessageKey);
        }
    }
}
