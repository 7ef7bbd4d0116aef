package receivables.impl.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;

class AdminCommandsTest {

    private static final List<TenantId> CONFIGURED = List.of(new TenantId("acme"));

    @Test
    void aRefusalOrARequestTheLedgerRefusesIsOneSentenceNamingTheCommand() {
        assertThat(AdminCommands.answer("aging", () -> "the table")).isEqualTo("the table");
        assertThat(AdminCommands.answer("aging", () -> {
            throw new AdminCommands.Refused("no such thing");
        })).isEqualTo("receivables:aging: no such thing");
        assertThat(AdminCommands.answer("importStatement", () -> {
            throw new InvalidRequestException(FieldViolation.of("body", "is no statement format installed here"));
        })).startsWith("receivables:importStatement: ").contains("body");
        assertThat(AdminCommands.answer("x", () -> {
            throw new NotFoundException("customer", "42");
        })).isEqualTo("receivables:x: customer 42 does not exist");
        assertThat(AdminCommands.answer("x", () -> {
            throw new ConflictException("already done");
        })).isEqualTo("receivables:x: already done");
    }

    @Test
    void aFailureThatIsNoRefusalIsNotHidden() {
        assertThatThrownBy(() -> AdminCommands.answer("x", () -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTenantMustBeAnIdAndConfigured() {
        assertThat(AdminCommands.tenant("acme", CONFIGURED)).isEqualTo(new TenantId("acme"));
        assertThatThrownBy(() -> AdminCommands.tenant("../x", CONFIGURED)).hasMessage(
                "not a tenant id: '../x' (lower-case letters, digits, '-' and '_')");
        assertThatThrownBy(() -> AdminCommands.tenant(null, CONFIGURED)).hasMessageStartingWith("not a tenant id");
        assertThatThrownBy(() -> AdminCommands.tenant("other", CONFIGURED))
                .hasMessage("no tenant 'other' is configured (receivables:tenants lists them)");
    }

    @Test
    void daysAndBucketsAreCheckedAndNamed() {
        assertThat(AdminCommands.day("as of", " 2026-03-31 ")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThatThrownBy(() -> AdminCommands.day("as of", "2026-02-30"))
                .hasMessage("as of is not a day like 2026-01-31: '2026-02-30'");
        assertThatThrownBy(() -> AdminCommands.day("as of", null)).hasMessageStartingWith("as of is not a day");
        assertThat(AdminCommands.ascendingDays("the buckets", "15, 45,90")).containsExactly(15, 45, 90);
        assertThatThrownBy(() -> AdminCommands.ascendingDays("the buckets", "30,x"))
                .hasMessageStartingWith("the buckets must be whole numbers");
        assertThatThrownBy(() -> AdminCommands.ascendingDays("the buckets", "60,30"))
                .hasMessageStartingWith("the buckets must be ascending days above zero");
        assertThatThrownBy(() -> AdminCommands.ascendingDays("the buckets", "0,30"))
                .hasMessageStartingWith("the buckets must be ascending days above zero");
        assertThatThrownBy(() -> AdminCommands.ascendingDays("the buckets", "99999999999"))
                .hasMessageStartingWith("the buckets must be whole numbers");
        assertThatThrownBy(() -> AdminCommands.required("the file", " ")).hasMessage("the file is required");
    }
}
