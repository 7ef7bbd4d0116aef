package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import receivables.api.TenantId;

/**
 * Rows written by {@link BulkInsert} read back exactly as they were given, whatever their text (PostgreSQL copies
 * them, in COPY's text format with its own escapes; H2 takes them as a JDBC batch), dates of any year, nulls in every
 * column.
 */
abstract class BulkInsertContract {

    private static final TenantId TENANT = new TenantId("bulk");
    private static final List<String> COLUMNS = List.of("id", "note", "paid_on", "amount", "flag", "ref", "made_at");

    private final StatementRecorder statements = new StatementRecorder();
    private TestDatabase testDatabase;

    protected abstract TestDatabase testDatabase();

    @BeforeProperty
    void open() {
        testDatabase = testDatabase().recording(statements).open();
        testDatabase.get().inTransaction(TENANT, session -> session.createNativeMutationQuery("create table bulk_probe"
                + " (id integer primary key, note varchar(4000), paid_on date, amount numeric(19, 4), flag boolean,"
                + " ref uuid, made_at timestamp with time zone)").executeUpdate());
    }

    @AfterProperty
    void close() {
        testDatabase.close();
    }

    /** Row {@code id} as the test gives it and as it reads it back. */
    record Probe(int id, String note, LocalDate day, BigDecimal amount, Boolean flag, UUID ref, OffsetDateTime at) {
    }

    @Property(tries = 60)
    void whatIsInsertedReadsBackTheSame(@ForAll("probes") List<Probe> probes) {
        List<Probe> numbered = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            numbered.add(new Probe(i + 1, probe.note(), probe.day(), probe.amount(), probe.flag(), probe.ref(),
                    probe.at()));
        }
        assertThat(insertedAndReadBack(numbered)).containsExactlyElementsOf(numbered);
    }

    @Example
    void theEdgesOfTextDatesAndNumbersReadBackTheSame() {
        List<Probe> edges = List.of(
                new Probe(1, "back\\slash\ttab\nnewline\rreturn \\N \\. end", LocalDate.of(10_000, 1, 1),
                        new BigDecimal("1E+3").setScale(4), true, UUID.randomUUID(), OffsetDateTime.of(2026, 12, 1, 4,
                                30, 0, 123_456_000, ZoneOffset.UTC)),
                new Probe(2, "\\.", LocalDate.of(0, 3, 1), new BigDecimal("-0.0001"), false, null, null),
                new Probe(3, "Zahlung für 发票 🧾", LocalDate.of(-44, 3, 15), new BigDecimal("999999999999999.9999"),
                        null, null, null),
                new Probe(4, null, null, null, null, null, null),
                new Probe(5, "", LocalDate.of(2024, 2, 29), BigDecimal.ZERO.setScale(4), true, null, null));
        statements.clear();
        assertThat(insertedAndReadBack(edges)).containsExactlyElementsOf(edges);
        assertThat(statements.prepared()).as("PostgreSQL copies the rows, H2 inserts them")
                .filteredOn(sql -> sql.startsWith("insert into bulk_probe")).hasSize(testDatabase.postgres() ? 0 : 1);
    }

    private List<Probe> insertedAndReadBack(List<Probe> probes) {
        BulkInsert rows = new BulkInsert("bulk_probe", COLUMNS);
        probes.forEach(probe -> rows.row(probe.id(), probe.note(), probe.day(), probe.amount(), probe.flag(),
                probe.ref(), probe.at()));
        return testDatabase.get().inTransaction(TENANT, session -> {
            session.createNativeMutationQuery("delete from bulk_probe").executeUpdate();
            session.doWork(rows::into);
            // read by JDBC as the Java types themselves: through java.sql.Date a day before 1582 would be Julian
            return session.doReturningWork(connection -> {
                List<Probe> read = new ArrayList<>();
                try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(
                        "select id, note, paid_on, amount, flag, ref, made_at from bulk_probe order by id")) {
                    while (row.next()) {
                        boolean flag = row.getBoolean("flag");
                        Boolean flagOrNull = row.wasNull() ? null : flag;
                        read.add(new Probe(row.getInt("id"), row.getString("note"), row.getObject("paid_on", LocalDate.class),
                                row.getBigDecimal("amount"), flagOrNull, row.getObject("ref", UUID.class),
                                row.getObject("made_at", OffsetDateTime.class) == null ? null
                                        : row.getObject("made_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                    }
                }
                return read;
            });
        });
    }

    @Provide
    Arbitrary<List<Probe>> probes() {
        // Any text but NUL, which PostgreSQL refuses in any text (callers clip it away, see NativeValues.clip), and
        // lone surrogates, which no UTF-8 database keeps (pairs are in the example).
        Arbitrary<String> notes = Arbitraries.strings().withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(60).injectNull(0.1);
        Arbitrary<LocalDate> days = Arbitraries.integers().between(-4_000, 20_000).flatMap(year -> Arbitraries
                .integers().between(1, 365).map(day -> LocalDate.ofYearDay(year, day))).injectNull(0.1);
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(new BigDecimal("-999999999999999.9999"),
                new BigDecimal("999999999999999.9999")).ofScale(4).injectNull(0.1);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false).injectNull(0.2);
        Arbitrary<UUID> refs = Arbitraries.create(UUID::randomUUID).injectNull(0.2);
        Arbitrary<OffsetDateTime> moments = Arbitraries.longs().between(0, 4_102_444_800_000_000L)
                .map(micros -> OffsetDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1_000),
                        ZoneOffset.UTC)).injectNull(0.2);
        return Combinators.combine(notes, days, amounts, flags, refs, moments)
                .as((note, day, amount, flag, ref, at) -> new Probe(0, note, day, amount, flag, ref, at))
                .list().ofMaxSize(30);
    }
}
