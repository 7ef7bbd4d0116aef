package receivables.api.intent;

import java.util.Set;

import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.ProviderCapability;

/**
 * A provider a tenant may use now: installed, and enabled for the tenant.
 *
 * @param capabilities  what it can do beyond starting payments: the optional SPI interfaces it implements
 * @param presentations how its instructions show a payment to the payer
 */
public record ProviderOffer(String id, String name, Set<String> methods, Set<String> currencies,
        Set<ProviderCapability> capabilities, Set<PaymentInstructions.Kind> presentations) {
}
