package be.caisse.contribution.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bank statement as read from the bank's file: the fund's account, balances, and the movements. Amounts are
 * positive for credits (money received) and negative for debits.
 */
public record BankStatement(String accountNumber, String currency, int sequence, LocalDate date, BigDecimal oldBalance,
                            BigDecimal newBalance, List<Movement> movements) {

    /**
     * @param structuredCommunication the 12 digits of a Belgian structured communication, or null
     * @param freeCommunication       the free text, or null
     */
    public record Movement(int sequence, String bankReference, BigDecimal amount, LocalDate valueDate, LocalDate entryDate,
                           String transactionCode, String structuredCommunication, String freeCommunication,
                           String counterpartyAccount, String counterpartyName) {
        public boolean isCredit() {
            return amount.signum() > 0;
        }
    }

    public List<Movement> credits() {
        return movements.stream().filter(Movement::isCredit).toList();
    }
}
