package receivables.impl.ledger.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.money.Money;
import receivables.impl.lifecycle.internal.TransitionWalk;

class InvoiceLifecycleTest {

    @Test
    void everyPairOfStatesIsAllowedOrRefusedAsTheLifeOfAnInvoiceWants() {
        TransitionWalk.allowsExactly(InvoiceLifecycle.TRANSITIONS,
                "DRAFT > ISSUED",
                "ISSUED > PARTIALLY_PAID", "ISSUED > PAID", "ISSUED > CANCELED", "ISSUED > WRITTEN_OFF",
                "PARTIALLY_PAID > PARTIALLY_PAID", "PARTIALLY_PAID > PAID", "PARTIALLY_PAID > CANCELED",
                "PARTIALLY_PAID > WRITTEN_OFF", "PARTIALLY_PAID > ISSUED",
                "PAID > PARTIALLY_PAID", "PAID > ISSUED",
                "WRITTEN_OFF > PARTIALLY_PAID", "WRITTEN_OFF > ISSUED");
    }

    @Test
    void theEntityMovesOnlyByTheTable() {
        InvoiceEntity cancelled = new InvoiceEntity();
        cancelled.currency = "EUR";
        cancelled.gross = new BigDecimal("100.00");
        cancelled.open = new BigDecimal("100.00");
        cancelled.status = InvoiceStatus.CANCELED;

        assertThatThrownBy(() -> cancelled.settle(Money.of("10.00", "EUR"), Instant.now()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CANCELED cannot become PARTIALLY_PAID");
        InvoiceEntity draft = new InvoiceEntity();
        draft.status = InvoiceStatus.DRAFT;
        assertThatThrownBy(() -> draft.writeOff(Instant.now())).isInstanceOf(ConflictException.class);
    }
}
