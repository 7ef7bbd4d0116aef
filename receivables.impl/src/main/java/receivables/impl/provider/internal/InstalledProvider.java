package receivables.impl.provider.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Constants;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

import receivables.api.intent.ProviderOffer;
import receivables.api.money.Money;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderCapability;
import receivables.api.provider.ProviderDescription;

/**
 * A provider service as its {@link ProviderDescription} properties describe it, and what it can do as the
 * interfaces it implements say: read once when it is installed, never by calling it.
 */
public record InstalledProvider(String id, String name, Set<String> methods, Set<String> currencies,
        Set<PaymentInstructions.Kind> presentations, boolean partialRefunds, int ranking, long serviceId,
        PaymentProvider service) {

    private static final Converter CONVERTER = Converters.standardConverter();

    /**
     * Reads a provider service's properties.
     *
     * @throws IllegalArgumentException naming the property that is missing or wrong
     */
    static InstalledProvider of(PaymentProvider service, Map<String, ?> properties) {
        String id = text(properties, ProviderDescription.ID);
        if (!ConfiguredProviderAccount.PROVIDER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(ProviderDescription.ID + " '" + id
                    + "' is not lower-case letters, digits and dashes");
        }
        Set<String> methods = texts(properties, ProviderDescription.METHODS);
        Set<String> currencies = texts(properties, ProviderDescription.CURRENCIES);
        currencies.stream().filter(code -> !Money.isActiveCurrency(code)).findFirst().ifPresent(code -> {
            throw new IllegalArgumentException(ProviderDescription.CURRENCIES + ": '" + code
                    + "' is not an active ISO 4217 code");
        });
        Set<PaymentInstructions.Kind> presentations = EnumSet.noneOf(PaymentInstructions.Kind.class);
        for (String kind : texts(properties, ProviderDescription.PRESENTATIONS)) {
            try {
                presentations.add(PaymentInstructions.Kind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ProviderDescription.PRESENTATIONS + ": '" + kind + "' is not one of "
                        + Arrays.toString(PaymentInstructions.Kind.values()));
            }
        }
        return new InstalledProvider(id, text(properties, ProviderDescription.NAME), methods, currencies,
                Set.copyOf(presentations), CONVERTER.convert(properties.get(ProviderDescription.PARTIAL_REFUNDS))
                        .defaultValue(false).to(boolean.class),
                CONVERTER.convert(properties.get(Constants.SERVICE_RANKING)).defaultValue(0).to(int.class),
                CONVERTER.convert(properties.get(Constants.SERVICE_ID)).defaultValue(0L).to(long.class), service);
    }

    /** What the provider's service implements beyond {@link PaymentProvider}. */
    public Set<ProviderCapability> capabilities() {
        Set<ProviderCapability> capabilities = EnumSet.noneOf(ProviderCapability.class);
        if (service instanceof PaymentQuery) {
            capabilities.add(ProviderCapability.QUERY);
        }
        if (service instanceof PaymentRefunds) {
            capabilities.add(ProviderCapability.REFUND);
            if (partialRefunds) {
                capabilities.add(ProviderCapability.PARTIAL_REFUND);
            }
        }
        if (service instanceof PaymentCancellation) {
            capabilities.add(ProviderCapability.CANCEL);
        }
        return capabilities;
    }

    public Optional<PaymentQuery> query() {
        return service instanceof PaymentQuery query ? Optional.of(query) : Optional.empty();
    }

    public Optional<PaymentRefunds> refunds() {
        return service instanceof PaymentRefunds refunds ? Optional.of(refunds) : Optional.empty();
    }

    public Optional<PaymentCancellation> cancellation() {
        return service instanceof PaymentCancellation cancellation ? Optional.of(cancellation) : Optional.empty();
    }

    ProviderOffer offer() {
        return new ProviderOffer(id, name, new TreeSet<>(methods), new TreeSet<>(currencies), capabilities(),
                presentations);
    }

    private static String text(Map<String, ?> properties, String name) {
        String value = CONVERTER.convert(properties.get(name)).to(String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value.trim();
    }

    private static Set<String> texts(Map<String, ?> properties, String name) {
        String[] values = CONVERTER.convert(properties.get(name)).defaultValue(new String[0]).to(String[].class);
        Set<String> texts = new TreeSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                texts.add(value.trim());
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return Set.copyOf(texts);
    }
}
