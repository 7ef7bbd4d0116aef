package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.journal.Account;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "JournalLine")
@Table(name = "journal_line")
class JournalLineEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "entry_id", nullable = false)
    UUID entryId;

    @Column(name = "line_number", nullable = false)
    int lineNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    Account account;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal debit;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal credit;

    // Empty on lines written before entries carried functional amounts.
    @Column(name = "functional_debit", precision = 19, scale = 4)
    BigDecimal functionalDebit;

    @Column(name = "functional_credit", precision = 19, scale = 4)
    BigDecimal functionalCredit;

    protected JournalLineEntity() {
    }

    JournalLineEntity(UUID entryId, int lineNumber, JournalLine line) {
        this.id = UUID.randomUUID();
        this.entryId = entryId;
        this.lineNumber = lineNumber;
        this.account = line.account();
        this.currency = line.debit().currency();
        this.debit = line.debit().amount();
        this.credit = line.credit().amount();
        this.functionalDebit = line.functionalDebit().amount();
        this.functionalCredit = line.functionalCredit().amount();
    }

    JournalLine toValue(String functionalCurrency) {
        if (functionalDebit == null) {
            return new JournalLine(account, Money.of(debit, currency), Money.of(credit, currency));
        }
        return new JournalLine(account, Money.of(debit, currency), Money.of(credit, currency),
                Money.of(functionalDebit, functionalCurrency), Money.of(functionalCredit, functionalCurrency));
    }
}
