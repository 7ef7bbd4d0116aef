package receivables.payments.bank.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import receivables.api.money.Money;
import receivables.api.provider.BankTransfer;
import receivables.api.statement.CreditorReference;

/**
 * The EPC069-12 "SEPA credit transfer" QR code (the "GiroCode"), version 002: the payer's banking app fills
 * in beneficiary, IBAN, amount and reference from it. One element per line, separated by line feeds, with
 * nothing after the last element that is filled:
 * <ol>
 * <li>service tag {@code BCD}</li>
 * <li>version {@code 002}</li>
 * <li>character set {@code 1} (UTF-8)</li>
 * <li>identification {@code SCT}</li>
 * <li>BIC of the beneficiary's bank (optional in version 002)</li>
 * <li>beneficiary name, at most 70 characters</li>
 * <li>beneficiary IBAN</li>
 * <li>amount: {@code EUR} and 0.01 to 999999999.99 with a decimal point</li>
 * <li>purpose code (left empty)</li>
 * <li>structured remittance: the creditor reference, at most 35 characters</li>
 * <li>unstructured remittance, at most 140 characters, only when there is no structured one</li>
 * <li>beneficiary-to-originator information (left empty)</li>
 * </ol>
 * The whole payload is at most 331 bytes.
 */
record EpcQrCode(String payload) {

    static final int MAX_BYTES = 331;
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    private static final int MAX_NAME = 70;
    private static final int MAX_TEXT = 140;

    /**
     * The code for {@code transfer}, or empty when the scheme cannot carry it: not in euro, to a local
     * account without IBAN, or an amount beyond the scheme's range.
     */
    static Optional<EpcQrCode> of(BankTransfer transfer) {
        Money amount = transfer.amount();
        if (!"EUR".equals(amount.currency()) || transfer.iban() == null || !Iban.isValid(transfer.iban())
                || amount.amount().compareTo(MIN_AMOUNT) < 0 || amount.amount().compareTo(MAX_AMOUNT) > 0) {
            return Optional.empty();
        }
        boolean structured = CreditorReference.isValid(transfer.reference());
        String reference = structured ? transfer.reference().replace(" ", "") : "";
        String text = structured ? "" : cut(transfer.reference(), MAX_TEXT);
        List<String> elements = List.of("BCD", "002", "1", "SCT", transfer.bic() == null ? "" : transfer.bic(),
                cut(transfer.beneficiary(), MAX_NAME), Iban.parse(transfer.iban()).value(),
                "EUR" + amount.amount().toPlainString(), "", reference, text);
        String payload = String.join("\n", elements).stripTrailing();
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new EpcQrCode(payload));
    }

    /** At most {@code length} characters, and no line feed that would shift the elements after it. */
    private static String cut(String text, int length) {
        String oneLine = text.replace('\r', ' ').replace('\n', ' ').strip();
        return oneLine.length() <= length ? oneLine : oneLine.substring(0, length);
    }
}
