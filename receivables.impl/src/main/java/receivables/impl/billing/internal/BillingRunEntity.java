package receivables.impl.billing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.invoice.BillingFailure;
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRunStatus;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "BillingRun")
@Table(name = "billing_run")
public class BillingRunEntity extends TenantOwned {

    @Id
    UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    BillingRunStatus status;

    @Column(name = "issue_date", nullable = false)
    LocalDate issueDate;

    @Column(nullable = false)
    int total;

    @Column(nullable = false)
    int done;

    @Column(nullable = false)
    int failed;

    /** The batches of given orders committed so far: a run taken over resumes with the next. */
    @Column(name = "batches_done", nullable = false)
    int batchesDone;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Version
    long version;

    protected BillingRunEntity() {
    }

    BillingRunEntity(UUID id, LocalDate issueDate, int total, Instant now) {
        this.id = id;
        this.status = BillingRunStatus.RUNNING;
        this.issueDate = issueDate;
        this.total = total;
        this.startedAt = now;
    }

    BillingRun toValue(List<BillingFailure> failures) {
        return new BillingRun(id, status, issueDate, total, done, failed, failures, startedAt, finishedAt);
    }
}
