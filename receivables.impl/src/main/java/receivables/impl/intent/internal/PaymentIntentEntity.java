package receivables.impl.intent.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.intent.IntentRefund;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.IntentTransition;
import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.BankTransfer;
import receivables.api.provider.PaymentInstructions;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("payment-intent")
@Entity(name = "PaymentIntent")
@Table(name = "payment_intent")
public class PaymentIntentEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    String idempotencyKey;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, length = 64)
    String provider;

    @Column(nullable = false, length = 32)
    String method;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "refunded_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal refunded;

    @Column(nullable = false, length = 140)
    String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    IntentStatus status;

    @Column(name = "provider_reference", length = 128)
    String providerReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "instruction_kind", length = 16)
    PaymentInstructions.Kind instructionKind;

    @Column(name = "qr_payload", length = 2000)
    String qrPayload;

    @Column(name = "redirect_url", length = 2000)
    String redirectUrl;

    @Column(length = 140)
    String beneficiary;

    @Column(length = 34)
    String iban;

    @Column(length = 11)
    String bic;

    @Column(name = "local_account", length = 64)
    String localAccount;

    @Column(name = "transfer_reference", length = 140)
    String transferReference;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "payment_id")
    UUID paymentId;

    @Embedded
    Retry retry;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected PaymentIntentEntity() {
    }

    PaymentIntentEntity(String idempotencyKey, UUID invoiceId, UUID customerId, String provider, String method, Money amount,
            String description, Instant now) {
        this.id = UUID.randomUUID();
        this.idempotencyKey = idempotencyKey;
        this.invoiceId = invoiceId;
        this.customerId = customerId;
        this.provider = provider;
        this.method = method;
        this.currency = amount.currency();
        this.amount = amount.amount();
        this.refunded = BigDecimal.ZERO;
        this.description = description;
        this.status = IntentStatus.CREATED;
        this.retry = Retry.due(now);
        this.createdAt = now;
        this.updatedAt = now;
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    Money refunded() {
        return Money.of(refunded, currency);
    }

    void instruct(PaymentInstructions instructions) {
        instructionKind = instructions.kind();
        if (instructions.providerReference() != null) {
            providerReference = instructions.providerReference();
        }
        qrPayload = instructions.qrPayload();
        redirectUrl = instructions.redirectUrl() == null ? null : instructions.redirectUrl().toString();
        BankTransfer transfer = instructions.bankTransfer();
        if (transfer != null) {
            beneficiary = transfer.beneficiary();
            iban = transfer.iban();
            bic = transfer.bic();
            localAccount = transfer.localAccount();
            transferReference = transfer.reference();
        }
        expiresAt = instructions.expiresAt();
    }

    PaymentInstructions instructions() {
        if (instructionKind == null) {
            return null;
        }
        BankTransfer transfer = instructionKind == PaymentInstructions.Kind.BANK_TRANSFER
                ? new BankTransfer(beneficiary, iban, bic, localAccount, amount(), transferReference) : null;
        return new PaymentInstructions(instructionKind, providerReference, qrPayload,
                redirectUrl == null ? null : URI.create(redirectUrl), transfer, expiresAt);
    }

    PaymentIntent toValue(List<IntentTransition> history, List<IntentRefund> refunds) {
        return new PaymentIntent(id, invoiceId, customerId, provider, method, amount(), description, status,
                providerReference, instructions(), paymentId, refunded(), retry.lastError(), createdAt, updatedAt, history,
                refunds);
    }
}
