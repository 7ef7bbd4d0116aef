package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.statement.ImportNote;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.ImportedStatement;
import receivables.api.statement.StatementImport;
import receivables.api.statement.StatementImports;
import receivables.impl.tenant.internal.TestTenants;

class StatementImportCommandTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @TempDir
    Path folder;

    /** Takes a file, reports it running, and finished at the second look. */
    private final class RecordedImports implements StatementImports {

        final List<String> files = new ArrayList<>();
        int looks;

        @Override
        public StatementImport start(TenantId tenant, InputStream content) {
            try {
                String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    throw new InvalidRequestException(FieldViolation.of("body", "is empty"));
                }
                files.add(tenant.value() + ": " + text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return statement(ImportStatus.RUNNING, 0, List.of());
        }

        @Override
        public Optional<StatementImport> find(TenantId tenant, UUID importId) {
            looks++;
            return Optional.of(looks < 2 ? statement(ImportStatus.RUNNING, 3, List.of())
                    : statement(ImportStatus.COMPLETED, 5, List.of(new ImportNote(ImportNote.Kind.WARNING, "line 4",
                            "no creditor reference"))));
        }

        @Override
        public Page<StatementImport> list(TenantId tenant, PageRequest page) {
            throw new UnsupportedOperationException("the command lists nothing");
        }

        @Override
        public Page<ImportedStatement> statements(TenantId tenant, UUID importId, PageRequest page) {
            throw new UnsupportedOperationException("the command lists nothing");
        }
    }

    private final RecordedImports imports = new RecordedImports();

    @Test
    void importsTheFileAndWaitsForTheOutcome() throws IOException {
        Path file = Files.writeString(folder.resolve("camt053.xml"), "<Document/>");
        StatementImportCommand command = new StatementImportCommand(imports,
                TestTenants.withFeatures(ACME, "bank-reconciliation"), Duration.ofSeconds(10));

        String printed = command.importStatement("acme", file.toString());

        assertThat(imports.files).containsExactly("acme: <Document/>");
        assertThat(printed).isEqualTo("import " + ID + " of camt053.xml: COMPLETED (camt.053): 5 line(s) read, "
                + "3 matched, 1 suspended, 1 skipped, 0 duplicate(s), 0 rejected\n"
                + ImportNote.Kind.WARNING + " line 4: no creditor reference");
    }

    @Test
    void anImportThatOutlastsThePatienceIsNamedByItsId() throws IOException {
        Path file = Files.writeString(folder.resolve("big.sta"), ":20:STARTUMS");
        StatementImportCommand command = new StatementImportCommand(imports,
                TestTenants.withFeatures(ACME, "bank-reconciliation"), Duration.ZERO);

        assertThat(command.importStatement("acme", file.toString())).isEqualTo("import " + ID
                + " of big.sta: RUNNING (camt.053), still running after 0 line(s); follow it with GET "
                + "/api/v1/bank-statements/" + ID);
    }

    @Test
    void aBadArgumentOrARefusedFileIsASentenceAndImportsNothing() throws IOException {
        StatementImportCommand command = new StatementImportCommand(imports,
                TestTenants.withFeatures(ACME, "bank-reconciliation"), Duration.ofSeconds(10));
        Path empty = Files.writeString(folder.resolve("empty.xml"), " ");

        assertThat(command.importStatement("acme", folder.resolve("missing.xml").toString()))
                .isEqualTo("receivables:importStatement: no readable file " + folder.resolve("missing.xml"));
        assertThat(command.importStatement("acme", folder.toString()))
                .isEqualTo("receivables:importStatement: no readable file " + folder);
        assertThat(command.importStatement("acme", null)).isEqualTo("receivables:importStatement: the file is required");
        assertThat(command.importStatement("acme", "bad\u0000name")).isEqualTo(
                "receivables:importStatement: not a file name: 'bad\u0000name'");
        assertThat(command.importStatement("acme", empty.toString())).isEqualTo("receivables:importStatement: body is empty");
        assertThat(command.importStatement("nobody", empty.toString())).startsWith("receivables:importStatement: no tenant");
        assertThat(imports.files).isEmpty();
    }

    @Test
    void aTenantWithoutBankReconciliationIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("camt053.xml"), "<Document/>");
        StatementImportCommand command = new StatementImportCommand(imports, TestTenants.withFeatures(ACME),
                Duration.ofSeconds(10));

        assertThat(command.importStatement("acme", file.toString())).isEqualTo(
                "receivables:importStatement: the tenant acme does not have the feature bank-reconciliation");
        assertThat(imports.files).isEmpty();
    }

    private static StatementImport statement(ImportStatus status, long lines, List<ImportNote> notes) {
        return new StatementImport(ID, status, "camt.053", 100, lines, lines == 5 ? 3 : 0, lines == 5 ? 1 : 0,
                lines == 5 ? 1 : 0, 0, 0, 0, null, null, Instant.parse("2026-03-31T10:00:00Z"), null, notes);
    }
}
