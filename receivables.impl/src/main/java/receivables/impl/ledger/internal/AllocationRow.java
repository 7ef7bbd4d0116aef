package receivables.impl.ledger.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import receivables.impl.persistence.internal.TenantOwned;

/**
 * A row of {@code allocation}, whatever took the amount off: it carries its installment's customer, currency, issue
 * date and due date, which never change once the installment is issued, so that aging as of a past day adds back the
 * later allocations from one index of this table instead of joining each to its installment.
 */
@MappedSuperclass
abstract class AllocationRow extends TenantOwned {

    @Column(name = "customer_id", nullable = false, updatable = false)
    UUID customerId;

    @Column(nullable = false, updatable = false, length = 3)
    String currency;

    @Column(name = "issue_date", nullable = false, updatable = false)
    LocalDate issueDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    LocalDate dueDate;

    /** Takes the keys of the installment the amount is taken off. */
    void takeOff(InstallmentEntity installment) {
        keys(installment.customerId, installment.currency, installment.issueDate, installment.dueDate);
    }

    /** Takes the keys of {@code other}, which took its amount off the same installment. */
    void sameInstallmentAs(AllocationRow other) {
        keys(other.customerId, other.currency, other.issueDate, other.dueDate);
    }

    private void keys(UUID customerId, String currency, LocalDate issueDate, LocalDate dueDate) {
        this.customerId = customerId;
        this.currency = currency;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
    }
}
