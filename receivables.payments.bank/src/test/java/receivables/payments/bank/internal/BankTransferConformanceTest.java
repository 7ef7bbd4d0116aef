package receivables.payments.bank.internal;

import java.util.Optional;
import java.util.Set;

import receivables.api.intent.PaymentIntent;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.RawNotification;
import receivables.testkit.ProviderConformance;
import receivables.testkit.ProviderContextBuilder;

/**
 * The bank-transfer provider keeps what the SPI promises. Banks send no notifications, so the notification checks
 * are skipped, and every notification, however mangled, is rejected.
 */
class BankTransferConformanceTest extends ProviderConformance {

    @Override
    protected PaymentProvider provider() {
        return new BankTransferProvider();
    }

    @Override
    protected ProviderContext context() {
        return ProviderContextBuilder.forProvider(BankTransferProvider.ID).setting("beneficiary", "Acme GmbH")
                .setting("iban", "DE89370400440532013000").setting("bic", "COBADEFFXXX").build();
    }

    @Override
    protected Set<String> secretSettings() {
        return Set.of();
    }

    @Override
    protected Optional<RawNotification> paidNotification(ProviderContext context, PaymentIntent started) {
        return Optional.empty();
    }

    @Override
    protected Optional<RawNotification> forgedNotification(ProviderContext context, PaymentIntent started) {
        return Optional.empty();
    }
}
