package receivables.api.provider;

import java.util.Objects;

import receivables.api.money.Money;

/**
 * What a payer needs to pay by bank transfer.
 *
 * @param beneficiary   the account holder's name the payer transfers to
 * @param iban          the beneficiary's IBAN, or {@code null} for a local account
 * @param bic           or {@code null}
 * @param localAccount  a domestic account number where there is no IBAN, or {@code null}
 * @param amount        what to transfer
 * @param reference     what the payer must quote, e.g. an ISO 11649 creditor reference {@code RF18...}
 */
public record BankTransfer(String beneficiary, String iban, String bic, String localAccount, Money amount,
        String reference) {

    /** @throws IllegalArgumentException when there is neither an IBAN nor a local account */
    public BankTransfer {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        if (iban == null && localAccount == null) {
            throw new IllegalArgumentException("an IBAN or a local account is required");
        }
    }
}
