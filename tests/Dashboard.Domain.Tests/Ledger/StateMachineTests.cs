using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Tests.Ledger;

public class StateMachineTests
{
    [Fact]
    public void An_authorization_moves_only_from_Pending_to_a_decision_and_from_Open_to_an_end()
    {
        HashSet<(AuthorizationStatus, AuthorizationStatus)> allowed =
        [
            (AuthorizationStatus.Pending, AuthorizationStatus.Open),
            (AuthorizationStatus.Pending, AuthorizationStatus.Declined),
            (AuthorizationStatus.Open, AuthorizationStatus.Closed),
            (AuthorizationStatus.Open, AuthorizationStatus.Canceled),
            (AuthorizationStatus.Open, AuthorizationStatus.Expired),
        ];
        AssertMachine(LedgerTransitions.Authorization, allowed);
    }

    [Fact]
    public void An_authorization_row_moves_exactly_like_its_order()
    {
        HashSet<(TransactionStatus, TransactionStatus)> allowed =
        [
            (TransactionStatus.Pending, TransactionStatus.Open),
            (TransactionStatus.Pending, TransactionStatus.Declined),
            (TransactionStatus.Open, TransactionStatus.Closed),
            (TransactionStatus.Open, TransactionStatus.Canceled),
            (TransactionStatus.Open, TransactionStatus.Expired),
        ];
        AssertMachine(LedgerTransitions.For(TransactionType.Authorization), allowed);
    }

    [Theory]
    [InlineData(TransactionType.Capture)]
    [InlineData(TransactionType.Refund)]
    [InlineData(TransactionType.Cancel)]
    [InlineData(TransactionType.Chargeback)]
    [InlineData(TransactionType.ClaimDebit)]
    [InlineData(TransactionType.Adjustment)]
    public void A_money_movement_either_completes_or_is_declined(TransactionType type)
    {
        HashSet<(TransactionStatus, TransactionStatus)> allowed =
        [
            (TransactionStatus.Pending, TransactionStatus.Completed),
            (TransactionStatus.Pending, TransactionStatus.Declined),
        ];
        AssertMachine(LedgerTransitions.For(type), allowed);
    }

    [Fact]
    public void A_settlement_goes_Open_then_Closed_then_PaidOut()
    {
        HashSet<(SettlementStatus, SettlementStatus)> allowed =
        [
            (SettlementStatus.Open, SettlementStatus.Closed),
            (SettlementStatus.Closed, SettlementStatus.PaidOut),
        ];
        AssertMachine(Settlement.Transitions, allowed);
    }

    private static void AssertMachine<T>(TransitionTable<T> table, HashSet<(T, T)> allowed) where T : struct, Enum
    {
        foreach (var (from, to, isAllowed) in table.AllPairs())
        {
            Assert.True(allowed.Contains((from, to)) == isAllowed, $"{from} -> {to}: table says {isAllowed}");
            if (isAllowed)
            {
                table.EnsureAllowed(from, to);
            }
            else
            {
                var ex = Assert.Throws<DomainRuleException>(() => table.EnsureAllowed(from, to));
                Assert.Equal("Error.IllegalTransition", ex.MessageKey);
            }
        }
    }
}
