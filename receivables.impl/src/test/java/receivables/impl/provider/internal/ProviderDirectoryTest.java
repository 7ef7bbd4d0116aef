package receivables.impl.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.intent.PaymentIntent;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderCapability;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundReport;
import receivables.api.provider.VerifiedNotification;

/** The directory knows providers from their service properties and interfaces; it never calls them to list them. */
class ProviderDirectoryTest {

    static final TenantId ACME = new TenantId("acme");

    @Test
    void anOfferComesFromTheServicePropertiesAndTheInterfacesTheProviderImplements() {
        PaymentProvider onlyStarts = new Untouchable();
        PaymentProvider refundsAndCancels = new UntouchableRefundsAndCancels();
        ProviderDirectory directory = TestProviders.directory(Map.of(
                onlyStarts, TestProviders.description("link", new String[] { "LINK" }, new String[] { "EUR" },
                        PaymentInstructions.Kind.REDIRECT, true),
                refundsAndCancels, TestProviders.description("card", new String[] { "VISA", "AMEX" },
                        new String[] { "USD", "EUR" }, PaymentInstructions.Kind.REDIRECT, false)),
                List.of(account("link"), account("card")));

        assertThat(directory.offers(ACME)).satisfiesExactly(card -> {
            assertThat(card.id()).isEqualTo("card");
            assertThat(card.methods()).containsExactly("AMEX", "VISA");
            assertThat(card.currencies()).containsExactly("EUR", "USD");
            assertThat(card.capabilities()).containsExactlyInAnyOrder(ProviderCapability.REFUND, ProviderCapability.CANCEL);
            assertThat(card.presentations()).containsExactly(PaymentInstructions.Kind.REDIRECT);
        }, link -> {
            assertThat(link.id()).isEqualTo("link");
            assertThat(link.name()).isEqualTo("Provider link");
            assertThat(link.capabilities()).as("partial refunds mean nothing without refunds").isEmpty();
        });
    }

    @Test
    void aServiceWithoutAValidDescriptionIsNotOffered() {
        Map<String, Object> badCurrency = new HashMap<>(TestProviders.description("odd", new String[] { "X" },
                new String[] { "EURO" }, PaymentInstructions.Kind.QR_CODE, false));
        Map<String, Object> noMethods = new HashMap<>(TestProviders.description("empty", new String[] { " " },
                new String[] { "EUR" }, PaymentInstructions.Kind.QR_CODE, false));
        Map<String, Object> badId = new HashMap<>(TestProviders.description("Bad Id", new String[] { "X" },
                new String[] { "EUR" }, PaymentInstructions.Kind.QR_CODE, false));
        Map<String, Object> noPresentation = new HashMap<>(TestProviders.description("plain", new String[] { "X" },
                new String[] { "EUR" }, PaymentInstructions.Kind.QR_CODE, false));
        noPresentation.remove(ProviderDescription.PRESENTATIONS);
        Map<String, Object> unknownPresentation = new HashMap<>(noPresentation);
        unknownPresentation.put(ProviderDescription.PRESENTATIONS, "HOLOGRAM");
        Map<String, Object> noName = new HashMap<>(TestProviders.description("nameless", new String[] { "X" },
                new String[] { "EUR" }, PaymentInstructions.Kind.QR_CODE, false));
        noName.remove(ProviderDescription.NAME);

        ProviderDirectory directory = TestProviders.directory(Map.of(new Untouchable(), badCurrency,
                new Untouchable(), noMethods, new Untouchable(), badId, new Untouchable(), noPresentation,
                new Untouchable(), unknownPresentation, new Untouchable(), noName),
                List.of(account("odd"), account("empty"), account("plain"), account("nameless")));

        assertThat(directory.offers(ACME)).isEmpty();
        assertThat(directory.installed("odd")).isEmpty();
    }

    @Test
    void ofTwoServicesWithOneIdTheHigherRankedIsUsedAndAConfigurationChangeIsSeen() {
        PaymentProvider low = new Untouchable();
        PaymentProvider high = new Untouchable();
        Map<String, Object> lowProperties = new HashMap<>(TestProviders.description("dup", new String[] { "X" },
                new String[] { "EUR" }, PaymentInstructions.Kind.QR_CODE, false));
        lowProperties.put("service.ranking", 1);
        Map<String, Object> highProperties = new HashMap<>(lowProperties);
        highProperties.put("service.ranking", 5);
        highProperties.put(ProviderDescription.CURRENCIES, new String[] { "CNY" });
        ProviderDirectory directory = TestProviders.directory(Map.of(low, lowProperties, high, highProperties),
                List.of(account("dup")));

        assertThat(directory.installed("dup").orElseThrow().service()).isSameAs(high);
        assertThat(directory.offers(ACME)).singleElement()
                .satisfies(offer -> assertThat(offer.currencies()).containsExactly("CNY"));

        highProperties.put(ProviderDescription.CURRENCIES, List.of("USD", "EUR"));
        directory.reinstall(high, highProperties);
        assertThat(directory.offers(ACME)).singleElement()
                .satisfies(offer -> assertThat(offer.currencies()).containsExactly("EUR", "USD"));
        directory.uninstall(high);
        assertThat(directory.installed("dup").orElseThrow().service()).isSameAs(low);
    }

    private static ConfiguredProviderAccount account(String provider) {
        return TestProviders.account(TestProviders.secrets(), ACME.value(), provider, true, Map.of(), Map.of());
    }

    /** A provider whose every call fails the test: listing providers must not call them. */
    static class Untouchable implements PaymentProvider {

        @Override
        public PaymentInstructions start(ProviderContext context, PaymentIntent intent) {
            throw new AssertionError("start called");
        }

        @Override
        public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents) {
            throw new AssertionError("verify called");
        }
    }

    static final class UntouchableRefundsAndCancels extends Untouchable implements PaymentRefunds, PaymentCancellation {

        @Override
        public RefundReport refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund) {
            throw new AssertionError("refund called");
        }

        @Override
        public void cancel(ProviderContext context, PaymentIntent intent) {
            throw new AssertionError("cancel called");
        }
    }
}
