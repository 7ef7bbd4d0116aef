package receivables.impl.journal.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.journal.JournalEntryKind;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "JournalEntry")
@Table(name = "journal_entry")
public class JournalEntryEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "entry_date", nullable = false)
    LocalDate date;

    // The constant's name, as before the kinds were an enum: stored rows stay readable.
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    JournalEntryKind kind;

    @Column(nullable = false, length = 64)
    String reference;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected JournalEntryEntity() {
    }

    JournalEntryEntity(UUID id, LocalDate date, JournalEntryKind kind, String reference, Instant now) {
        this.id = id;
        this.date = date;
        this.kind = kind;
        this.reference = reference;
        this.createdAt = now;
    }
}
