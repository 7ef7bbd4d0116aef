package receivables.impl.collections.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRunStatus;
import receivables.impl.persistence.internal.TenantOwned;

/** A tenant's run of one day. */
@Entity(name = "DunningRun")
@Table(name = "dunning_run")
public class DunningRunEntity extends TenantOwned {

    @Id
    @Column(name = "run_date")
    LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    DunningRunStatus status;

    @Column(nullable = false)
    int notices;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    protected DunningRunEntity() {
    }

    DunningRunEntity(LocalDate date, Instant now) {
        this.date = date;
        this.status = DunningRunStatus.RUNNING;
        this.startedAt = now;
    }

    DunningRun toValue() {
        return new DunningRun(date, status, notices, startedAt, finishedAt);
    }
}
