package receivables.impl.reconciliation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import receivables.api.statement.CreditorReference;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementLine;

/**
 * Matches a credit line to open invoices, surest rule first: (1) an invoice's creditor reference in the
 * reference or remittance fields, confidence {@value #BY_REFERENCE}; (2) an invoice's number in them,
 * {@value #BY_NUMBER}; (3) only when neither names an invoice: an invoice whose open amount is the line's,
 * {@value #BY_AMOUNT_AND_PAYER} when the payer is its customer by name or by IBAN (the IBAN of the customer's
 * account, or one seen on the customer's earlier payments), {@value #BY_AMOUNT_ALONE} when it is the only invoice
 * with that open amount. A line that names invoices of several customers or in another currency is left to a clerk;
 * so is a payer known without an invoice of that amount, proposed to the clerk as the customer to book it to.
 */
final class LineMatching {

    static final int BY_REFERENCE = 100;
    static final int BY_NUMBER = 90;
    static final int BY_AMOUNT_AND_PAYER = 70;
    static final int BY_AMOUNT_ALONE = 50;
    static final int NAMED_BUT_DOUBTFUL = 60;
    static final int PAYER_ONLY = 40;
    static final int ONE_OF_SEVERAL_AMOUNTS = 30;
    static final int MAX_CANDIDATES = 3;
    /** A number shorter than this, or without a digit, is too likely to be a word or an amount. */
    private static final int MIN_NUMBER_LENGTH = 4;
    /** Payers write numbers with spaces ("INV 2026 000042"): up to this many words are tried together. */
    private static final int MAX_WORDS_PER_NUMBER = 3;
    private static final int MAX_WORDS = 200;
    private static final int RF_LENGTH = 25;

    private LineMatching() {
    }

    /**
     * @param knownPayers customers the line's payer IBAN names: theirs, or one they paid from before
     */
    static LineMatch match(StatementLine line, OpenInvoices open, Set<UUID> knownPayers) {
        if (line.reversal()) {
            return LineMatch.none(List.of());
        }
        Map<UUID, Found> named = new LinkedHashMap<>();
        for (CreditorReference reference : creditorReferences(line)) {
            open.byReference(reference.payload()).ifPresent(invoice -> named.putIfAbsent(invoice.id(),
                    new Found(invoice, BY_REFERENCE, "creditor reference " + reference.value())));
        }
        for (String number : numberCandidates(line)) {
            open.byReference(number).ifPresent(invoice -> named.putIfAbsent(invoice.id(),
                    new Found(invoice, BY_NUMBER, "invoice number " + invoice.number() + " in the remittance text")));
        }
        if (!named.isEmpty()) {
            return named(line, List.copyOf(named.values()));
        }
        return byAmount(line, open, payers(line, open, knownPayers));
    }

    private static LineMatch named(StatementLine line, List<Found> named) {
        String currency = line.amount().currency();
        boolean oneCustomer = named.stream().map(found -> found.invoice().customerId()).distinct().count() == 1;
        boolean inCurrency = named.stream().allMatch(found -> found.invoice().open().currency().equals(currency));
        if (oneCustomer && inCurrency) {
            int confidence = named.stream().mapToInt(Found::confidence).min().orElseThrow();
            return new LineMatch(confidence, named.stream().map(Found::invoice).toList(), candidates(named));
        }
        String doubt = oneCustomer ? " (the invoice is in another currency than the line's " + currency + ")"
                : " (the line names invoices of several customers)";
        return LineMatch.none(candidates(named.stream().map(found -> new Found(found.invoice(),
                Math.min(found.confidence(), NAMED_BUT_DOUBTFUL), found.reason() + doubt)).toList()));
    }

    private static LineMatch byAmount(StatementLine line, OpenInvoices open, Map<UUID, String> payers) {
        List<OpenInvoice> sameAmount = open.withOpenAmount(line.amount());
        int howMany = open.countWithOpenAmount(line.amount());
        List<Found> fromPayer = sameAmount.stream().filter(invoice -> payers.containsKey(invoice.customerId()))
                .map(invoice -> new Found(invoice, BY_AMOUNT_AND_PAYER, "open amount " + invoice.open() + " of "
                        + invoice.number() + ", paid by its customer (" + payers.get(invoice.customerId()) + ")"))
                .toList();
        int fromPayers = fromPayer.size() + payers.keySet().stream()
                .mapToInt(customer -> open.notHeldOf(customer, line.amount())).sum();
        if (fromPayers == 1 && fromPayer.size() == 1) {
            return new LineMatch(BY_AMOUNT_AND_PAYER, List.of(fromPayer.get(0).invoice()), candidates(fromPayer));
        }
        if (fromPayers > 1) {
            return LineMatch.none(candidates(fromPayer));
        }
        if (howMany == 1 && sameAmount.size() == 1) {
            OpenInvoice only = sameAmount.get(0);
            Found found = new Found(only, BY_AMOUNT_ALONE, "the only invoice with open amount " + only.open());
            return new LineMatch(BY_AMOUNT_ALONE, List.of(only), candidates(List.of(found)));
        }
        List<MatchCandidate> candidates = new ArrayList<>(candidates(sameAmount.stream()
                .map(invoice -> new Found(invoice, ONE_OF_SEVERAL_AMOUNTS, "one of " + howMany
                        + " invoices with open amount " + invoice.open()))
                .toList()));
        payers.forEach((customer, how) -> {
            if (candidates.size() < MAX_CANDIDATES) {
                candidates.add(new MatchCandidate(null, null, customer, PAYER_ONLY, "the payer is this customer (" + how + ")"));
            }
        });
        return LineMatch.none(candidates);
    }

    /** Customers the payer is, with how they were recognised. */
    private static Map<UUID, String> payers(StatementLine line, OpenInvoices open, Set<UUID> knownPayers) {
        Map<UUID, String> payers = new LinkedHashMap<>();
        open.customersNamed(line.counterpartyName()).forEach(customer -> payers.put(customer, "name"));
        knownPayers.forEach(customer -> payers.merge(customer, "IBAN", (name, iban) -> "name and IBAN"));
        return payers;
    }

    private static List<MatchCandidate> candidates(List<Found> found) {
        return found.stream().sorted(Comparator.comparingInt(Found::confidence).reversed()).limit(MAX_CANDIDATES)
                .map(f -> new MatchCandidate(f.invoice().id(), f.invoice().number(), f.invoice().customerId(),
                        f.confidence(), f.reason()))
                .toList();
    }

    /** Valid ISO 11649 references in the reference field and in the texts, as payers type them (spaces, lower case). */
    static List<CreditorReference> creditorReferences(StatementLine line) {
        Set<CreditorReference> found = new HashSet<>();
        List<CreditorReference> ordered = new ArrayList<>();
        texts(line).forEach(text -> {
            String upper = text.toUpperCase(Locale.ROOT);
            for (int at = upper.indexOf("RF"); at >= 0; at = upper.indexOf("RF", at + 2)) {
                referenceAt(upper, at).filter(found::add).ifPresent(ordered::add);
            }
        });
        return ordered;
    }

    /** The longest valid reference starting at {@code at}: its characters may be grouped by single spaces. */
    private static Optional<CreditorReference> referenceAt(String text, int at) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            return Optional.empty();
        }
        StringBuilder compact = new StringBuilder();
        for (int i = at; i < text.length() && compact.length() < RF_LENGTH; i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                compact.append(c);
            } else if (c != ' ' || i + 1 >= text.length() || text.charAt(i + 1) == ' ') {
                break;
            }
        }
        for (int length = compact.length(); length >= 5; length--) {
            String candidate = compact.substring(0, length);
            if (CreditorReference.isValid(candidate)) {
                return Optional.of(new CreditorReference(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * The letters and digits of every word, and of every run of up to {@value #MAX_WORDS_PER_NUMBER} words, of
     * the reference and remittance fields that could be an invoice number.
     */
    static List<String> numberCandidates(StatementLine line) {
        List<String> words = texts(line).flatMap(text -> Stream.of(text.split("[\\s,;:()\\[\\]{}\"'<>*]+")))
                .filter(word -> !word.isEmpty()).limit(MAX_WORDS).toList();
        Set<String> candidates = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder run = new StringBuilder();
            for (int n = 0; n < MAX_WORDS_PER_NUMBER && i + n < words.size(); n++) {
                run.append(CreditorReference.lettersAndDigits(words.get(i + n)));
                String candidate = run.toString();
                if (candidate.length() >= MIN_NUMBER_LENGTH && candidate.chars().anyMatch(Character::isDigit)) {
                    candidates.add(candidate);
                }
            }
        }
        return List.copyOf(candidates);
    }

    private static Stream<String> texts(StatementLine line) {
        return Stream.of(line.creditorReference(), line.remittanceText(), line.endToEndId()).filter(Objects::nonNull);
    }

    private record Found(OpenInvoice invoice, int confidence, String reason) {
    }
}
