package receivables.impl.fx.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.fx.ExchangeRate;
import receivables.api.fx.ExchangeRates;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.Database;
import receivables.impl.validation.internal.ValueRanges;

/**
 * Exchange rates kept in the receivables database.
 */
@Component(service = { ExchangeRates.class, StoredExchangeRates.class })
public class StoredExchangeRates implements ExchangeRates {

    static final String CSV_HEADER = "date,currency,rate";
    static final int MAX_RATES = 100_000;
    private static final int MAX_SCALE = 10;

    private final Database database;

    @Activate
    public StoredExchangeRates(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void enter(TenantId tenant, List<ExchangeRate> rates) {
        if (rates == null || rates.isEmpty()) {
            throw new InvalidRequestException(FieldViolation.of("rates", "must hold at least one rate"));
        }
        for (int i = 0; i < rates.size(); i++) {
            String problem = problem(rates.get(i));
            if (problem != null) {
                throw new InvalidRequestException(FieldViolation.of("rates[" + i + "]", problem));
            }
        }
        store(tenant, rates);
    }

    @Override
    public int importCsv(TenantId tenant, Reader csv) {
        List<ExchangeRate> rates = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(csv)) {
            String header = lines.readLine();
            if (header == null || !header.replace(" ", "").equalsIgnoreCase(CSV_HEADER)) {
                throw new InvalidRequestException(FieldViolation.of("line 1", "must be the header " + CSV_HEADER));
            }
            int number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ExchangeRate rate = parse(line, number);
                if (rates.size() == MAX_RATES) {
                    throw new InvalidRequestException(FieldViolation.of("line " + number, "more than " + MAX_RATES + " rates"));
                }
                rates.add(rate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rates.isEmpty()) {
            throw new InvalidRequestException(FieldViolation.of("line 2", "the file holds no rates"));
        }
        store(tenant, rates);
        return rates.size();
    }

    @Override
    public Optional<ExchangeRate> rateOn(TenantId tenant, String currency, LocalDate date) {
        return database.inTransaction(tenant, session -> rateOn(session, currency, date));
    }

    /** The rate in force on {@code date} in the caller's session and transaction. */
    public Optional<ExchangeRate> rateOn(Session session, String currency, LocalDate date) {
        return session.createSelectionQuery(
                        "from ExchangeRate r where r.key.currency = :currency and r.key.date <= :date order by r.key.date desc",
                        ExchangeRateEntity.class)
                .setParameter("currency", currency).setParameter("date", date).setMaxResults(1)
                .uniqueResultOptional().map(ExchangeRateEntity::toValue);
    }

    /** The rate in force, or a refusal naming {@code field} that tells the clerk which rate to enter. */
    public BigDecimal requiredRate(Session session, String currency, String functionalCurrency, LocalDate date,
            String field) {
        return rateOn(session, currency, date).map(ExchangeRate::rate)
                .orElseThrow(() -> new InvalidRequestException(FieldViolation.of(field, "has no exchange rate of "
                        + currency + " into " + functionalCurrency + " on or before " + date
                        + "; enter one under /exchange-rates")));
    }

    @Override
    public List<ExchangeRate> list(TenantId tenant, String currency, LocalDate from, LocalDate to) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from ExchangeRate r where r.key.currency = :currency and r.key.date between :from and :to"
                                + " order by r.key.date", ExchangeRateEntity.class)
                .setParameter("currency", currency).setParameter("from", from).setParameter("to", to)
                .getResultStream().map(ExchangeRateEntity::toValue).toList());
    }

    private void store(TenantId tenant, List<ExchangeRate> rates) {
        database.inTransaction(tenant, (session, tx) -> {
            for (ExchangeRate rate : rates) {
                ExchangeRateEntity stored = session.find(ExchangeRateEntity.class,
                        new ExchangeRateEntity.Key(rate.currency(), rate.date()));
                if (stored == null) {
                    session.persist(new ExchangeRateEntity(rate));
                } else {
                    stored.rate = rate.rate();
                }
            }
        });
    }

    private static ExchangeRate parse(String line, int number) {
        String[] fields = line.split(",", -1);
        String where = "line " + number;
        if (fields.length != 3) {
            throw new InvalidRequestException(FieldViolation.of(where, "must hold date,currency,rate"));
        }
        ExchangeRate rate;
        try {
            rate = new ExchangeRate(fields[1].trim(), LocalDate.parse(fields[0].trim()), new BigDecimal(fields[2].trim()));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidRequestException(FieldViolation.of(where, "must hold an ISO date and a decimal rate"));
        }
        String problem = problem(rate);
        if (problem != null) {
            throw new InvalidRequestException(FieldViolation.of(where, problem));
        }
        return rate;
    }

    /** What is wrong with {@code rate}, or {@code null}. */
    private static String problem(ExchangeRate rate) {
        if (rate == null || rate.currency() == null || rate.date() == null || rate.rate() == null) {
            return "needs currency, date and rate";
        }
        if (!Money.isActiveCurrency(rate.currency())) {
            return "currency " + rate.currency() + " is not an active ISO 4217 code";
        }
        if (ValueRanges.dateProblem(rate.date()) != null) {
            return "date " + ValueRanges.dateProblem(rate.date());
        }
        if (rate.rate().signum() <= 0 || rate.rate().stripTrailingZeros().scale() > MAX_SCALE
                || rate.rate().precision() - rate.rate().scale() > 10) {
            return "rate must be positive with at most 10 decimals";
        }
        return null;
    }
}
