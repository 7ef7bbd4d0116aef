package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRunStatus;
import receivables.api.collections.DunningRuns;
import receivables.api.collections.DunningSchedule;
import receivables.api.collections.NoticeItem;
import receivables.api.money.Money;
import receivables.impl.tenant.internal.TestTenants;

class DunningCommandTest {

    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private final List<String> asked = new ArrayList<>();

    /** One notice for 2026-03-31, none on other days; a run sends what the preview shows. */
    private final DunningRuns runs = new DunningRuns() {

        @Override
        public List<DunningNotice> preview(TenantId tenant, LocalDate date) {
            asked.add("preview " + tenant.value() + " " + date);
            return date.equals(LocalDate.of(2026, 3, 31)) ? List.of(notice(date)) : List.of();
        }

        @Override
        public DunningRun run(TenantId tenant, LocalDate date) {
            asked.add("run " + tenant.value() + " " + date);
            return new DunningRun(date, DunningRunStatus.COMPLETED, 1, Instant.EPOCH, Instant.EPOCH);
        }

        @Override
        public Optional<DunningRun> find(TenantId tenant, LocalDate date) {
            throw new UnsupportedOperationException("the commands look up no run");
        }

        @Override
        public List<DunningNotice> notices(TenantId tenant, UUID customerId) {
            throw new UnsupportedOperationException("the commands list no notices");
        }

        @Override
        public DunningSchedule schedule(TenantId tenant) {
            throw new UnsupportedOperationException("the commands read no schedule");
        }

        @Override
        public DunningSchedule schedule(TenantId tenant, DunningSchedule schedule) {
            throw new UnsupportedOperationException("the commands change no schedule");
        }
    };

    private final DunningCommand command = new DunningCommand(runs, TestTenants.withFeatures(new TenantId("acme")));

    @Test
    void thePreviewListsTheNoticesThatWouldGoOut() {
        assertThat(command.dunningPreview("acme", "2026-03-31")).isEqualTo("""
                1 notice(s) would go out on 2026-03-31:
                customer 00000000-0000-0000-0000-0000000000c1: level 2, 1 item(s), overdue 250.00 EUR, fee 5.00, \
                interest 1.25""");
        assertThat(command.dunningPreview("acme", "2026-04-01")).isEqualTo("no notice would go out on 2026-04-01");
        assertThat(command.dunningRun("acme", "2026-03-31")).isEqualTo("dunning run of 2026-03-31: COMPLETED, 1 notice(s)");
    }

    @Test
    void aBadArgumentIsASentenceAndNothingIsAskedOrRun() {
        assertThat(command.dunningPreview("acme", "tomorrow"))
                .isEqualTo("receivables:dunningPreview: the date is not a day like 2026-01-31: 'tomorrow'");
        assertThat(command.dunningRun("Acme", "2026-03-31")).startsWith("receivables:dunningRun: not a tenant id: 'Acme'");
        assertThat(command.dunningRun("other", "2026-03-31"))
                .startsWith("receivables:dunningRun: no tenant 'other' is configured");
        assertThat(command.dunningRun("acme", null)).startsWith("receivables:dunningRun: the date is not a day");
        assertThat(asked).isEmpty();
    }

    private static DunningNotice notice(LocalDate date) {
        Money open = new Money(new BigDecimal("250.00"), "EUR");
        return new DunningNotice(UUID.randomUUID(), date, CUSTOMER, 2,
                List.of(new NoticeItem(UUID.randomUUID(), "INV-2026-000001", 1, date.minusDays(20), open, 20, 2, true)),
                open, new Money(new BigDecimal("5.00"), "EUR"), new Money(new BigDecimal("1.25"), "EUR"), List.of(),
                "email", DeliveryStatus.PENDING, 0, null);
    }
}
