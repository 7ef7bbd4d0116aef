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

    /**
     * How the payer is shown the payment: a presentation, not a behaviour. A provider declares the kinds it
     * returns in {@link ProviderDescription#presentations()}; the UI shows each its own way.
     */
    public enum Kind {
        /** A code the payer scans with an app: {@code qrPayload}. */
        QR_CODE,
        /** A page the payer opens: {@code redirectUrl}. */
        REDIRECT,
        /** Bank details the payer transfers to: {@code bankTransfer}, optionally with an EPC QR {@code qrPayload}. */
        BANK_TRANSFER
    }

    /** @throws NullPointerException when what {@code kind} needs is missing */
    public PaymentInstructions {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case QR_CODE -> Objects.requireNonNull(qrPayload, "qrPayload");
            case REDIRECT -> Objects.requireNonNull(redirectUrl, "redirectUrl");
            case BANK_TRANSFER -> Objects.requireNonNull(bankTransfer, "bankTransfer");
        }
    }

    /** A QR code to scan. */
    public static PaymentInstructions qrCode(String providerReference, String qrPayload, Instant expiresAt) {
        return new PaymentInstructions(Kind.QR_CODE, providerReference, qrPayload, null, null, expiresAt);
    }

    /** A page to open. */
    public static PaymentInstructions redirect(String providerReference, URI redirectUrl, Instant expiresAt) {
        return new PaymentInstructions(Kind.REDIRECT, providerReference, null, redirectUrl, null, expiresAt);
    }

    /** A bank transfer to make, with an optional QR payload that carries the same details (or {@code null}). */
    public static PaymentInstructions bankTransfer(BankTransfer transfer, String qrPayload) {
        return new PaymentInstructions(Kind.BANK_TRANSFER, null, qrPayload, null, transfer, null);
    }
}
