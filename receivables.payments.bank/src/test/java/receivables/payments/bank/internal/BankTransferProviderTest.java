package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.BankTransfer;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RejectedNotification;
import receivables.api.statement.CreditorReference;

class BankTransferProviderTest {

    private final BankTransferProvider provider = new BankTransferProvider();

    @Test
    void tellsThePayerWhereToTransferWithTheInvoicesCreditorReference() throws ProviderFailure {
        PaymentInstructions instructions = provider.start(context(Map.of("beneficiary", "Acme GmbH",
                "iban", "de89 3704 0044 0532 0130 00", "bic", "cobadeffxxx")), intent("INV-2026-000042", "123.45", "EUR"));

        String reference = CreditorReference.ofInvoiceNumber("INV-2026-000042").orElseThrow().value();
        assertThat(instructions.kind()).isEqualTo(PaymentInstructions.Kind.BANK_TRANSFER);
        assertThat(instructions.bankTransfer()).isEqualTo(new BankTransfer("Acme GmbH", "DE89370400440532013000",
                "COBADEFFXXX", null, Money.of("123.45", "EUR"), reference));
        assertThat(instructions.qrPayload()).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "COBADEFFXXX",
                "Acme GmbH", "DE89370400440532013000", "EUR123.45", "", reference));
    }

    @Test
    void givesALocalAccountWithoutQrCode() throws ProviderFailure {
        provider.configure(configuration("EUR", " chf"));

        PaymentInstructions instructions = provider.start(context(Map.of("beneficiary", "Acme AG",
                "localAccount", "1291.99.348")), intent("INV-7", "50.00", "CHF"));

        assertThat(instructions.bankTransfer().localAccount()).isEqualTo("1291.99.348");
        assertThat(instructions.bankTransfer().iban()).isNull();
        assertThat(instructions.bankTransfer().reference()).isEqualTo(CreditorReference.ofInvoiceNumber("INV7")
                .orElseThrow().value());
        assertThat(instructions.qrPayload()).isNull();
    }

    @Test
    void quotesTheInvoiceNumberWhenItMakesNoCreditorReference() throws ProviderFailure {
        PaymentInstructions instructions = provider.start(context(Map.of("beneficiary", "Acme GmbH",
                "iban", "DE89370400440532013000")), intent("INVOICE-2026-000000000000000042", "10.00", "EUR"));

        assertThat(instructions.bankTransfer().reference()).isEqualTo("INVOICE-2026-000000000000000042");
        assertThat(instructions.qrPayload()).endsWith("\n\nINVOICE-2026-000000000000000042");
    }

    @Test
    void refusesWrongSettingsAndCurrencies() {
        assertFailure(Map.of("iban", "DE89370400440532013000"), "EUR", "setting beneficiary of tenant acme is not configured");
        assertFailure(Map.of("beneficiary", " ", "iban", "DE89370400440532013000"), "EUR", "beneficiary");
        assertFailure(Map.of("beneficiary", "Acme"), "EUR", "iban or localAccount");
        assertFailure(Map.of("beneficiary", "Acme", "iban", "DE89370400440532013001"), "EUR", "not a valid IBAN");
        assertFailure(Map.of("beneficiary", "Acme", "iban", "DE89370400440532013000", "bic", "COBA"), "EUR", "BIC");
        assertFailure(Map.of("beneficiary", "Acme", "iban", "DE89370400440532013000"), "USD", "not USD");
        assertThatThrownBy(() -> provider.configure(configuration("EUR", "EURO")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EURO");
        assertThatThrownBy(() -> provider.configure(configuration(" ", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void implementsNothingABankCannotDoAndRejectsEveryNotification() {
        assertThat(provider).isNotInstanceOf(PaymentQuery.class).isNotInstanceOf(PaymentRefunds.class)
                .isNotInstanceOf(PaymentCancellation.class);
        assertThatThrownBy(() -> provider.verify(context(Map.of()), new RawNotification("POST", Map.of(), Map.of(),
                new byte[0]), null)).isInstanceOf(RejectedNotification.class);
    }

    private void assertFailure(Map<String, String> settings, String currency, String message) {
        assertThatThrownBy(() -> provider.start(context(settings), intent("INV-1", "10.00", currency)))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.INVALID_REQUEST);
                    assertThat(failure.retryable()).isFalse();
                })
                .hasMessageContaining(message);
    }

    private static ProviderContext context(Map<String, String> settings) {
        return new ProviderContext(new TenantId("acme"), settings, URI.create("http://localhost/notifications"));
    }

    private static PaymentIntent intent(String invoiceNumber, String amount, String currency) {
        return new PaymentIntent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "bank-transfer",
                "BANK_TRANSFER", Money.of(amount, currency), invoiceNumber, IntentStatus.CREATED, null, null, null,
                null, null, Instant.now(), Instant.now(), List.of(), List.of());
    }

    private static BankTransferConfiguration configuration(String... currencies) {
        return new BankTransferConfiguration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return BankTransferConfiguration.class;
            }

            @Override
            public String[] receivables_provider_currencies() {
                return currencies;
            }
        };
    }

}
