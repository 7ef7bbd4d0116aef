package receivables.api.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * What a {@link PaymentProvider} is, as service properties: put it on the provider's DS component, and the core
 * lists and checks the provider from these properties alone, without calling it. The properties are named
 * {@code receivables.provider.<element>} ({@link #ID}, {@link #NAME}, ...); a provider whose offer depends on its
 * own configuration (e.g. the currencies its gateway settles) sets the same property names there, and
 * configuration wins over the annotation as for any component property.
 *
 * <pre>
 * &#64;Component
 * &#64;ProviderDescription(id = "paylink", name = "Pay by link", methods = "PAYLINK",
 *         currencies = { "EUR", "USD" }, presentations = PaymentInstructions.Kind.REDIRECT)
 * public class PayLinkProvider implements PaymentProvider { ... }
 * </pre>
 *
 * A service whose properties are missing or invalid (an id that is not lower-case letters, digits and dashes, no
 * method, a currency that is not an ISO 4217 code, no presentation) is not offered, and the core logs why.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ProviderDescription {

    /** The prefix of every property name. */
    String PREFIX_ = "receivables.provider.";

    /** Property name of {@link #id()}. */
    String ID = PREFIX_ + "id";
    /** Property name of {@link #name()}. */
    String NAME = PREFIX_ + "name";
    /** Property name of {@link #methods()}. */
    String METHODS = PREFIX_ + "methods";
    /** Property name of {@link #currencies()}. */
    String CURRENCIES = PREFIX_ + "currencies";
    /** Property name of {@link #presentations()}. */
    String PRESENTATIONS = PREFIX_ + "presentations";
    /** Property name of {@link #partialRefunds()}. */
    String PARTIAL_REFUNDS = PREFIX_ + "partialRefunds";

    /**
     * Stable identifier: lower-case letters, digits and dashes, e.g. {@code wallet}; the {@code {provider}} in
     * URLs and in the tenants' {@code receivables.provider.account} configurations. Two services with one id: the
     * one with the highest service ranking (then the lowest service id) is used.
     */
    String id();

    /** Name shown to clerks and payers. */
    String name();

    /** Payment methods offered, e.g. {@code WALLET_QR}; an intent that names none gets the first in sort order. */
    String[] methods();

    /** ISO 4217 codes of the currencies it takes; an intent for an invoice in another currency is refused (400). */
    String[] currencies();

    /** How its {@link PaymentProvider#start} instructions show the payment: QR code, redirect, bank details. */
    PaymentInstructions.Kind[] presentations();

    /**
     * Whether a {@link PaymentRefunds} provider may refund part of a payment (several parts may add up to the
     * whole); without it a refund must be of the whole amount. Meaningless without {@link PaymentRefunds}.
     */
    boolean partialRefunds() default false;
}
