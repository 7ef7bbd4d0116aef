package receivables.impl.fx.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.fx.Revaluation;
import receivables.api.fx.Revaluations;
import receivables.api.fx.RevaluedCurrency;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.impl.ledger.internal.JournalPostings;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Revaluations kept in the receivables database. What is open is summed in SQL per currency and issue rate;
 * the book value is what those amounts were booked at, the revalued amount what they are worth at the day's
 * rate, both in the functional currency.
 */
@Component(service = { Revaluations.class, StoredRevaluations.class })
public class StoredRevaluations implements Revaluations {

    @Reference
    Database database;

    @Reference
    StoredExchangeRates rates;

    @Reference
    JournalPostings journal;

    @Reference
    TenantDirectory tenants;

    Clock clock = Clock.systemUTC();

    @Override
    public Revaluation revalue(TenantId tenant, LocalDate asOf) {
        if (asOf == null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "is required"));
        }
        if (asOf.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "must not be in the future"));
        }
        String functional = tenants.settings(tenant).functionalCurrency();
        return database.once(tenant, asOf.toString(), (session, day) -> onDay(session, asOf),
                (session, tx) -> revalueNow(session, tenant, asOf, functional));
    }

    @Override
    public Optional<Revaluation> find(TenantId tenant, UUID revaluationId) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(RevaluationEntity.class, revaluationId))
                .map(revaluation -> toValue(session, revaluation)));
    }

    @Override
    public List<Revaluation> list(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from Revaluation r order by r.asOf desc", RevaluationEntity.class)
                .getResultStream().map(revaluation -> toValue(session, revaluation)).toList());
    }

    private Revaluation revalueNow(Session session, TenantId tenant, LocalDate asOf, String functional) {
        Map<String, List<Object[]>> openByCurrency = new LinkedHashMap<>();
        session.createNativeQuery("select currency, fx_rate, sum(open_amount) from invoice"
                        + " where tenant_id = :tenant and status in ('ISSUED', 'PARTIALLY_PAID') and currency <> :functional"
                        + " and fx_rate is not null and open_amount > 0 group by currency, fx_rate order by currency",
                        Object[].class)
                .setParameter("tenant", tenant.value()).setParameter("functional", functional)
                .getResultList().forEach(row -> openByCurrency.computeIfAbsent((String) row[0], currency -> new ArrayList<>()).add(row));
        List<RevaluedCurrency> revalued = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> currency : openByCurrency.entrySet()) {
            BigDecimal rate = rates.requiredRate(session, currency.getKey(), functional, asOf, "asOf");
            Money open = Money.zero(currency.getKey());
            Money bookValue = Money.zero(functional);
            for (Object[] row : currency.getValue()) {
                BigDecimal amount = (BigDecimal) row[2];
                open = open.plus(Money.rounded(amount, currency.getKey()));
                bookValue = bookValue.plus(Money.rounded(amount.multiply((BigDecimal) row[1]), functional));
            }
            Money atRate = Money.rounded(open.amount().multiply(rate), functional);
            revalued.add(new RevaluedCurrency(open, bookValue, rate, atRate, atRate.minus(bookValue)));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RevaluationEntity revaluation = new RevaluationEntity(asOf, functional, now);
        session.persist(revaluation);
        revalued.forEach(currency -> session.persist(new RevaluationLineEntity(revaluation.id, currency)));
        List<JournalLine> differences = new ArrayList<>();
        for (RevaluedCurrency currency : revalued) {
            Money difference = currency.difference();
            if (difference.isPositive()) {
                differences.add(JournalLine.debit(Account.RECEIVABLE, difference));
                differences.add(JournalLine.credit(Account.FX_UNREALIZED_GAIN, difference));
            } else if (difference.isNegative()) {
                differences.add(JournalLine.debit(Account.FX_UNREALIZED_LOSS, difference.negate()));
                differences.add(JournalLine.credit(Account.RECEIVABLE, difference.negate()));
            }
        }
        if (!differences.isEmpty()) {
            String reference = "REVAL-" + asOf;
            journal.post(session, asOf, JournalEntryKind.FX_REVALUATION, reference, differences);
            journal.post(session, asOf.plusDays(1), JournalEntryKind.FX_REVALUATION_REVERSED, reference,
                    differences.stream().map(JournalLine::reversed).toList());
        }
        session.flush();
        return revaluation.toValue(revalued);
    }

    private static Optional<Revaluation> onDay(Session session, LocalDate asOf) {
        return session.createSelectionQuery("from Revaluation r where r.asOf = :day", RevaluationEntity.class)
                .setParameter("day", asOf).uniqueResultOptional().map(revaluation -> toValue(session, revaluation));
    }

    private static Revaluation toValue(Session session, RevaluationEntity revaluation) {
        return revaluation.toValue(session.createSelectionQuery(
                        "from RevaluationLine l where l.revaluationId = :revaluation order by l.currency", RevaluationLineEntity.class)
                .setParameter("revaluation", revaluation.id).getResultStream()
                .map(line -> line.toValue(revaluation.functionalCurrency)).toList());
    }
}
