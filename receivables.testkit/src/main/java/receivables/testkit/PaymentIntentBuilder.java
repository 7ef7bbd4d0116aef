package receivables.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import receivables.api.intent.IntentRefund;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.IntentTransition;
import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.PaymentInstructions;

/**
 * A {@link PaymentIntent} with sensible defaults, so that a test names only what it is about: a CREATED intent of
 * 119.00 EUR for invoice {@code INV-2026-000001}, with fresh ids, through provider {@code test} and method
 * {@code TEST}, nothing refunded, no history.
 *
 * <pre>
 * PaymentIntent intent = PaymentIntentBuilder.intent().provider("card").method("CARD").amount("25.00", "USD").build();
 * PaymentIntent paid = PaymentIntentBuilder.from(intent).paid().build();
 * </pre>
 */
public final class PaymentIntentBuilder {

    private UUID id = UUID.randomUUID();
    private UUID invoiceId = UUID.randomUUID();
    private UUID customerId = UUID.randomUUID();
    private String provider = "test";
    private String method = "TEST";
    private Money amount = Money.of("119.00", "EUR");
    private String description = "INV-2026-000001";
    private IntentStatus status = IntentStatus.CREATED;
    private String providerReference;
    private PaymentInstructions instructions;
    private UUID paymentId;
    private Money refunded;
    private String lastError;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = createdAt;
    private List<IntentTransition> history = List.of();
    private List<IntentRefund> refunds = List.of();

    private PaymentIntentBuilder() {
    }

    /** A CREATED intent with the defaults above. */
    public static PaymentIntentBuilder intent() {
        return new PaymentIntentBuilder();
    }

    /** Every component of {@code intent}, to change a few. */
    public static PaymentIntentBuilder from(PaymentIntent intent) {
        PaymentIntentBuilder builder = new PaymentIntentBuilder();
        builder.id = intent.id();
        builder.invoiceId = intent.invoiceId();
        builder.customerId = intent.customerId();
        builder.provider = intent.provider();
        builder.method = intent.method();
        builder.amount = intent.amount();
        builder.description = intent.description();
        builder.status = intent.status();
        builder.providerReference = intent.providerReference();
        builder.instructions = intent.instructions();
        builder.paymentId = intent.paymentId();
        builder.refunded = intent.refunded();
        builder.lastError = intent.lastError();
        builder.createdAt = intent.createdAt();
        builder.updatedAt = intent.updatedAt();
        builder.history = intent.history();
        builder.refunds = intent.refunds();
        return builder;
    }

    public PaymentIntentBuilder id(UUID value) {
        id = Objects.requireNonNull(value, "id");
        return this;
    }

    public PaymentIntentBuilder invoiceId(UUID value) {
        invoiceId = value;
        return this;
    }

    public PaymentIntentBuilder customerId(UUID value) {
        customerId = value;
        return this;
    }

    /** The provider's id, as in its {@code ProviderDescription}. */
    public PaymentIntentBuilder provider(String value) {
        provider = value;
        return this;
    }

    public PaymentIntentBuilder method(String value) {
        method = value;
        return this;
    }

    /** The amount to collect; what is refunded stays zero in its currency unless set. */
    public PaymentIntentBuilder amount(Money value) {
        amount = Objects.requireNonNull(value, "amount");
        return this;
    }

    /** The amount to collect, e.g. {@code amount("88.88", "CNY")}. */
    public PaymentIntentBuilder amount(String value, String currency) {
        return amount(Money.of(value, currency));
    }

    /** What the payer sees; the core sets the invoice number. */
    public PaymentIntentBuilder description(String value) {
        description = value;
        return this;
    }

    public PaymentIntentBuilder status(IntentStatus value) {
        status = Objects.requireNonNull(value, "status");
        return this;
    }

    public PaymentIntentBuilder providerReference(String value) {
        providerReference = value;
        return this;
    }

    public PaymentIntentBuilder instructions(PaymentInstructions value) {
        instructions = value;
        return this;
    }

    public PaymentIntentBuilder paymentId(UUID value) {
        paymentId = value;
        return this;
    }

    public PaymentIntentBuilder refunded(Money value) {
        refunded = value;
        return this;
    }

    public PaymentIntentBuilder lastError(String value) {
        lastError = value;
        return this;
    }

    public PaymentIntentBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public PaymentIntentBuilder updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    public PaymentIntentBuilder history(List<IntentTransition> value) {
        history = value;
        return this;
    }

    public PaymentIntentBuilder refunds(List<IntentRefund> value) {
        refunds = value;
        return this;
    }

    /**
     * PENDING with the instructions a {@code start} returned, and their provider reference: the intent as the core
     * holds it once the provider started it.
     */
    public PaymentIntentBuilder pending(PaymentInstructions started) {
        status = IntentStatus.PENDING;
        instructions = started;
        providerReference = started.providerReference() != null ? started.providerReference() : providerReference;
        return this;
    }

    /** SUCCEEDED with a payment in the ledger: the intent as the core holds it once paid, ready to refund. */
    public PaymentIntentBuilder paid() {
        status = IntentStatus.SUCCEEDED;
        paymentId = paymentId == null ? UUID.randomUUID() : paymentId;
        return this;
    }

    public PaymentIntent build() {
        return new PaymentIntent(id, invoiceId, customerId, provider, method, amount, description, status,
                providerReference, instructions, paymentId, refunded == null ? Money.zero(amount.currency()) : refunded,
                lastError, createdAt, updatedAt, history, refunds);
    }
}
