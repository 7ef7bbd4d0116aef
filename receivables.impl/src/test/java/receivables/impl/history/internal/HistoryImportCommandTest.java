package receivables.impl.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import receivables.api.TenantId;
import receivables.api.history.HistoryFormat;
import receivables.api.history.HistoryImport;
import receivables.api.history.HistoryImportStatus;
import receivables.api.history.HistoryImports;
import receivables.impl.tenant.internal.TestTenants;

class HistoryImportCommandTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @TempDir
    Path folder;

    /** Checks a file as the real imports do, reports it running, and finished at the second look. */
    private static final class RecordedImports implements HistoryImports {

        final List<String> files = new ArrayList<>();
        int looks;

        @Override
        public HistoryImport start(TenantId tenant, HistoryFormat format, InputStream content) {
            try {
                byte[] file = content.readAllBytes();
                HistoryReadingPropertiesTest.check(format, file);
                files.add(tenant.value() + " " + format + ": " + new String(file, StandardCharsets.UTF_8).length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return history(HistoryImportStatus.RUNNING, 0);
        }

        @Override
        public Optional<HistoryImport> find(TenantId tenant, UUID importId) {
            looks++;
            return Optional.of(history(looks < 2 ? HistoryImportStatus.RUNNING : HistoryImportStatus.COMPLETED,
                    looks < 2 ? 1 : 3));
        }
    }

    private final RecordedImports imports = new RecordedImports();

    @Test
    void importsTheFileInTheFormatItsNameSaysAndWaitsForTheOutcome() throws IOException {
        Path file = Files.writeString(folder.resolve("history.CSV"), "record,sourceId,name,currency\n"
                + "customer,C1,Acme,EUR\n");
        HistoryImportCommand command = new HistoryImportCommand(imports, TestTenants.withFeatures(ACME),
                Duration.ofSeconds(10));

        assertThat(command.importHistory("acme", file.toString())).isEqualTo("import " + ID + " of history.CSV:"
                + " COMPLETED, 3 of 3 record(s) stored: 1 customer(s), 1 invoice(s), 1 payment(s) created, 0 unchanged,"
                + " 0 invoice(s) settled on their paid date, 1 opening balance(s) on 2026-06-15");
        assertThat(imports.files).containsExactly("acme CSV: 51");
    }

    @Test
    void anImportThatOutlastsThePatienceIsNamedByItsId() throws IOException {
        Path file = Files.writeString(folder.resolve("history.json"), "{\"customers\": [{\"sourceId\": \"C1\","
                + " \"name\": \"Acme\", \"currency\": \"EUR\"}]}");
        HistoryImportCommand command = new HistoryImportCommand(imports, TestTenants.withFeatures(ACME), Duration.ZERO);

        assertThat(command.importHistory("acme", file.toString())).isEqualTo("import " + ID + " of history.json:"
                + " RUNNING, 0 of 3 record(s) stored so far; follow it with GET /api/v1/imports/history/" + ID);
    }

    @Test
    void aFileOfNoKnownFormatOrWithWrongFieldsIsASentenceAndImportsNothing() throws IOException {
        HistoryImportCommand command = new HistoryImportCommand(imports, TestTenants.withFeatures(ACME),
                Duration.ofSeconds(10));
        Path text = Files.writeString(folder.resolve("history.txt"), "record\n");
        Path wrong = Files.writeString(folder.resolve("wrong.csv"), "record,sourceId,name,currency\ncustomer,C1,,EUR\n");

        assertThat(command.importHistory("acme", text.toString())).isEqualTo("receivables:importHistory: the file's"
                + " name must end in .csv or .json, which says its format: " + text);
        assertThat(command.importHistory("acme", wrong.toString()))
                .isEqualTo("receivables:importHistory: line 2: name is required");
        assertThat(command.importHistory("nobody", wrong.toString())).startsWith("receivables:importHistory: no tenant");
        assertThat(imports.files).isEmpty();
    }

    private static HistoryImport history(HistoryImportStatus status, long stored) {
        boolean done = status == HistoryImportStatus.COMPLETED;
        return new HistoryImport(ID, status, HistoryFormat.CSV, 50, 3, stored, done ? 1 : 0, done ? 1 : 0,
                done ? 1 : 0, 0, 0, done ? 1 : 0, LocalDate.of(2026, 6, 15), null,
                Instant.parse("2026-06-15T08:00:00Z"), done ? Instant.parse("2026-06-15T08:00:05Z") : null);
    }
}
