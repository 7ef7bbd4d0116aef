package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.Direction;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementLine;
import receivables.impl.customer.internal.PayerNames;

class LineMatchingTest {

    private final UUID acme = UUID.randomUUID();
    private final UUID beta = UUID.randomUUID();
    private final OpenInvoice first = new OpenInvoice(UUID.randomUUID(), "INV-2026-000001", acme, eur("100.00"));
    private final OpenInvoice second = new OpenInvoice(UUID.randomUUID(), "INV-2026-000002", acme, eur("80.00"));
    private final OpenInvoice betas = new OpenInvoice(UUID.randomUUID(), "INV-2026-000003", beta, eur("80.00"));
    private final OpenInvoices open = new OpenInvoices();

    LineMatchingTest() {
        open.add(first);
        open.add(second);
        open.add(betas);
        open.customerNamed(acme, "Acme GmbH", 2);
        open.customerNamed(beta, "Beta Ltd", 1);
    }

    @Test
    void findsAReferenceAsPayersTypeItInTheText() {
        String printed = CreditorReference.ofInvoiceNumber(first.number()).orElseThrow().printed().toLowerCase();

        LineMatch match = LineMatching.match(line("100.00", null, "Rechnung " + printed + " Danke", null), open, Set.of());

        assertThat(match.confidence()).isEqualTo(LineMatching.BY_REFERENCE);
        assertThat(match.invoices()).containsExactly(first);
        assertThat(match.sureEnough(80)).isTrue();
    }

    @Test
    void aReferenceWithWrongCheckDigitsIsNoReference() {
        String typo = "RF00" + CreditorReference.lettersAndDigits(first.number());

        assertThat(LineMatching.creditorReferences(line("1.00", typo, null, null))).isEmpty();
    }

    @Test
    void findsSeveralInvoiceNumbersOfOneCustomerWrittenWithSpaces() {
        LineMatch match = LineMatching.match(line("180.00", null, "INV 2026 000002, inv-2026-000001", null), open, Set.of());

        assertThat(match.confidence()).isEqualTo(LineMatching.BY_NUMBER);
        assertThat(match.invoices()).containsExactly(second, first);
    }

    @Test
    void leavesNumbersOfSeveralCustomersToAClerk() {
        LineMatch match = LineMatching.match(line("180.00", null, "INV-2026-000001 INV-2026-000003", null), open, Set.of());

        assertThat(match.sureEnough(0)).isFalse();
        assertThat(match.candidates()).extracting(MatchCandidate::confidence).containsOnly(LineMatching.NAMED_BUT_DOUBTFUL);
    }

    @Test
    void takesTheOpenAmountOfThePayersInvoice() {
        LineMatch byName = LineMatching.match(line("80.00", null, "thanks", "BETA LIMITED"), open, Set.of());
        LineMatch byIban = LineMatching.match(line("80.00", null, "thanks", "someone"), open, Set.of(acme));
        LineMatch neither = LineMatching.match(line("80.00", null, "thanks", "someone"), open, Set.of());

        assertThat(byName.invoices()).containsExactly(betas);
        assertThat(byName.confidence()).isEqualTo(LineMatching.BY_AMOUNT_AND_PAYER);
        assertThat(byIban.invoices()).containsExactly(second);
        assertThat(neither.invoices()).isEmpty();
        assertThat(neither.candidates()).hasSize(2).extracting(MatchCandidate::confidence)
                .containsOnly(LineMatching.ONE_OF_SEVERAL_AMOUNTS);
        assertThat(LineMatching.match(line("100.00", null, null, null), open, Set.of()).confidence())
                .isEqualTo(LineMatching.BY_AMOUNT_ALONE);
    }

    @Test
    void followsWhatTheImportAllocates() {
        open.allocated(first.id(), eur("20.00"));
        assertThat(open.withOpenAmount(eur("80.00"))).extracting(OpenInvoice::id).contains(first.id());

        open.allocated(first.id(), eur("80.00"));

        assertThat(open.byReference(CreditorReference.lettersAndDigits(first.number()))).isEmpty();
        assertThat(open.withOpenAmount(eur("80.00"))).extracting(OpenInvoice::id).doesNotContain(first.id());
    }

    @Test
    void namesCompareWithoutCaseAccentsOrderAndLegalForm() {
        assertThat(PayerNames.canonical("MUSTERMANN, MAX")).isEqualTo(PayerNames.canonical("Max Mustermann"));
        assertThat(PayerNames.canonical("Müller & Söhne GmbH & Co. KG")).isEqualTo(PayerNames.canonical("MULLER SOHNE"));
        assertThat(PayerNames.canonical("GmbH")).isEmpty();
    }

    @Test
    void aReversalIsNeverMatched() {
        StatementLine reversal = new StatementLine("S", 1, null, null, eur("100.00"), Direction.CREDIT, null,
                CreditorReference.ofInvoiceNumber(first.number()).orElseThrow().value(), null, null, null, null, true);

        assertThat(LineMatching.match(reversal, open, Set.of()).invoices()).isEmpty();
    }

    private static StatementLine line(String amount, String reference, String text, String payer) {
        return new StatementLine("S", 1, LocalDate.of(2026, 3, 1), null, eur(amount), Direction.CREDIT, null, reference,
                text, payer, null, null, false);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
