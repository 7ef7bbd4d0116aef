package receivables.api.provider;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * How the payer pays an intent: a QR code to scan, a page to open, or a bank transfer to make.
 *
 * @param providerReference the channel's id of the payment, or {@code null} when it gives none at start
 * @param qrPayload         the text to encode in the QR code, for {@link Kind#QR_CODE} and optionally for
 *                          {@link Kind#BANK_TRANSFER} (e.g. the EPC payload)
 * @param redirectUrl       for {@link Kind#REDIRECT}
 * @param bankTransfer      for {@link Kind#BANK_TRANSFER}
 * @param expiresAt         when the payer can no longer pay this way, or {@code null}
 */
public record PaymentInstructions(Kind kind, String providerReference, String qrPayload, URI redirectUrl,
        BankTransfer bankTransfer, Instant expiresAt) {

    /** The way of paying. */
    public enum Kind {
        QR_CODE,
        REDIRECT,
        BANK_TRANSFER
    }

    public PaymentInstructions {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case QR_CODE -> Objects.requireNonNull(qrPayload, "qrPayload");
            case REDIRECT -> Objects.requireNonNull(redirectUrl, "redirectUrl");
            case BANK_TRANSFER -> Objects.requireNonNull(bankTransfer, "bankTransfer");
        }
    }

    public static PaymentInstructions qrCode(String providerReference, String qrPayload, Instant expiresAt) {
        return new PaymentInstructions(Kind.QR_CODE, providerReference, qrPayload, null, null, expiresAt);
    }

    public static PaymentInstructions redirect(String providerReference, URI redirectUrl, Instant expiresAt) {
        return new PaymentInstructions(Kind.REDIRECT, providerReference, null, redirectUrl, null, expiresAt);
    }

    public static PaymentInstructions bankTransfer(BankTransfer transfer, String qrPayload) {
        return new PaymentInstructions(Kind.BANK_TRANSFER, null, qrPayload, null, transfer, null);
    }
}
