package receivables.payments.bank.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.BankTransfer;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;
import receivables.api.statement.CreditorReference;

/**
 * Bank transfer: tells the payer where to transfer how much with which reference, as text and, for euro to
 * an IBAN, as an EPC QR code. The reference is the invoice's ISO 11649 creditor reference (derived from the
 * intent's description, the invoice number), so that statement matching finds the invoice without doubt.
 * Nothing is opened at a bank, and banks send no notifications: the money is found when the statement is
 * imported. So it implements no query, refund or cancel: a transfer is the payer's own order to their bank, and
 * money sent back to a customer is a payment refund booked by the clerk.
 *
 * <p>Tenant settings ({@link Settings}): {@code beneficiary} (the account holder's name), {@code iban} and
 * {@code bic}, or {@code localAccount} where there is no IBAN.
 */
@Component(service = PaymentProvider.class, configurationPid = BankTransferConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@ProviderDescription(id = BankTransferProvider.ID, name = "Bank transfer", methods = BankTransferProvider.METHOD,
        currencies = BankTransferConfiguration.DEFAULT_CURRENCY, presentations = PaymentInstructions.Kind.BANK_TRANSFER)
@Designate(ocd = BankTransferConfiguration.class)
public class BankTransferProvider implements PaymentProvider {

    /** A tenant's bank account, from its provider account's settings. */
    public interface Settings {
        /** The account holder's name. */
        String beneficiary();

        default String iban() {
            return "";
        }

        default String bic() {
            return "";
        }

        /** A domestic account number where there is no IBAN. */
        default String localAccount() {
            return "";
        }
    }

    static final String ID = "bank-transfer";
    static final String METHOD = "BANK_TRANSFER";
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private volatile Set<String> currencies = Set.of(BankTransferConfiguration.DEFAULT_CURRENCY);

    @Activate
    @Modified
    void configure(BankTransferConfiguration configuration) {
        currencies = currencies(configuration.receivables_provider_currencies());
    }

    /** The configured codes; refuses the configuration, and so keeps the component from starting, when one is wrong. */
    static Set<String> currencies(String[] list) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : list == null ? new String[0] : list) {
            String trimmed = code.strip().toUpperCase(Locale.ROOT);
            if (!trimmed.isEmpty() && !Money.isActiveCurrency(trimmed)) {
                throw new IllegalArgumentException("currencies: not an ISO 4217 code: " + code.strip());
            }
            if (!trimmed.isEmpty()) {
                codes.add(trimmed);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("currencies: at least one ISO 4217 code is required");
        }
        return Set.copyOf(codes);
    }

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        Money amount = intent.amount();
        if (!currencies.contains(amount.currency())) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "bank transfers are taken in "
                    + String.join(", ", currencies.stream().sorted().toList()) + ", not " + amount.currency());
        }
        Settings settings = context.settings(Settings.class);
        String beneficiary = blankToNull(settings.beneficiary());
        String iban = blankToNull(settings.iban());
        String bic = blankToNull(settings.bic());
        bic = bic == null ? null : bic.toUpperCase(Locale.ROOT);
        String localAccount = blankToNull(settings.localAccount());
        if (beneficiary == null) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting beneficiary of tenant "
                    + context.tenant().value() + " is blank");
        }
        if (iban == null && localAccount == null) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting iban or localAccount is not "
                    + "configured for tenant " + context.tenant().value());
        }
        if (iban != null && !Iban.isValid(iban)) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting iban of tenant "
                    + context.tenant().value() + " is not a valid IBAN (its check digits do not add up)");
        }
        if (bic != null && !BIC.matcher(bic).matches()) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting bic of tenant "
                    + context.tenant().value() + " is not a BIC of 8 or 11 letters and digits");
        }
        String reference = reference(intent);
        BankTransfer transfer = new BankTransfer(beneficiary, iban == null ? null : Iban.parse(iban).value(), bic,
                localAccount, amount, reference);
        return PaymentInstructions.bankTransfer(transfer, EpcQrCode.of(transfer).map(EpcQrCode::payload).orElse(null));
    }

    /**
     * The invoice's creditor reference; the invoice number itself when it makes none (more than 21 letters and
     * digits), so that the payer still quotes something matching finds.
     */
    private static String reference(PaymentIntent intent) throws ProviderFailure {
        String number = intent.description();
        if (number == null || number.isBlank()) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "intent " + intent.id()
                    + " has no description: the invoice number is the transfer's reference");
        }
        return CreditorReference.ofInvoiceNumber(number).map(CreditorReference::value).orElse(number.strip());
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        throw new RejectedNotification(RejectedNotification.Reason.MALFORMED,
                "banks send no notifications: bank transfers are reconciled from imported statements");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
