package receivables.impl.ledger.internal;

import java.math.BigDecimal;
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

import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "JournalEntry")
@Table(name = "journal_entry")
class JournalEntryEntity extends TenantOwned {

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

    @Column(nullable = false, precision = 20, scale = 10)
    BigDecimal rate;

    protected JournalEntryEntity() {
    }

    JournalEntryEntity(JournalEntry entry, Instant now) {
        this.id = entry.id();
        this.date = entry.date();
        this.kind = entry.kind();
        this.reference = entry.reference();
        this.rate = entry.rate();
        this.createdAt = now;
    }

    /**
     * The entry with {@code lines}, in {@code functionalCurrency}: lines written before entries carried functional
     * amounts are converted at the entry's rate by the rule new entries follow.
     */
    JournalEntry toValue(List<JournalLineEntity> lines, String functionalCurrency) {
        List<JournalLine> values = lines.stream().map(line -> line.toValue(functionalCurrency)).toList();
        if (values.stream().allMatch(line -> line.functionalDebit() != null)) {
            return new JournalEntry(id, date, kind, reference, values, rate);
        }
        return JournalEntry.atRate(id, date, kind, reference, values.stream()
                .map(line -> new JournalLine(line.account(), line.debit(), line.credit())).toList(), functionalCurrency, rate);
    }
}
