package receivables.impl.reconciliation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.statement.ImportNote;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementImport;
import receivables.api.statement.StatementImports;
import receivables.impl.console.internal.AdminCommands;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Gogo command {@code receivables:importStatement <tenant> <file>}: imports a bank-statement file from the host's
 * file system as {@code POST /bank-statements} would, for a tenant that has bank reconciliation, and waits for the
 * outcome (at most {@link #PATIENCE}; a longer import goes on and is named by its id).
 */
@Component(service = StatementImportCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=" + StatementImportCommand.FUNCTION })
public class StatementImportCommand {

    static final String FUNCTION = "importStatement";
    static final String FEATURE = "bank-reconciliation";
    static final Duration PATIENCE = Duration.ofMinutes(5);

    private final StatementImports imports;
    private final TenantDirectory tenants;
    private final Duration patience;

    @Activate
    public StatementImportCommand(@Reference StatementImports imports, @Reference TenantDirectory tenants) {
        this(imports, tenants, PATIENCE);
    }

    StatementImportCommand(StatementImports imports, TenantDirectory tenants, Duration patience) {
        this.imports = imports;
        this.tenants = tenants;
        this.patience = patience;
    }

    public String importStatement(String tenant, String file) {
        return AdminCommands.answer(FUNCTION, () -> {
            TenantId id = AdminCommands.tenant(tenant, tenants.configuredTenants());
            if (!tenants.features(id).contains(FEATURE)) {
                throw new AdminCommands.Refused("the tenant " + tenant + " does not have the feature " + FEATURE);
            }
            Path path = AdminCommands.readableFile(file);
            StatementImport started;
            try (InputStream content = Files.newInputStream(path)) {
                started = imports.start(id, content);
            } catch (IOException e) {
                throw new AdminCommands.Refused("cannot read " + path + ": " + e.getMessage());
            }
            return outcome(path, AdminCommands.awaited(started, current -> current.status() == ImportStatus.RUNNING,
                    () -> imports.find(id, started.id()), patience));
        });
    }

    private static String outcome(Path path, StatementImport done) {
        StringBuilder text = new StringBuilder("import " + done.id() + " of " + path.getFileName() + ": " + done.status());
        if (done.format() != null) {
            text.append(" (").append(done.format()).append(')');
        }
        if (done.status() == ImportStatus.RUNNING) {
            return text.append(", still running after ").append(done.linesRead()).append(" line(s); follow it with GET ")
                    .append("/api/v1/bank-statements/").append(done.id()).toString();
        }
        text.append(": ").append(done.linesRead()).append(" line(s) read, ").append(done.matched()).append(" matched, ")
                .append(done.suspended()).append(" suspended, ").append(done.skipped()).append(" skipped, ")
                .append(done.duplicates()).append(" duplicate(s), ").append(done.rejected()).append(" rejected");
        Optional.ofNullable(done.problem()).ifPresent(problem -> text.append("\nproblem: ").append(problem));
        Optional.ofNullable(done.location()).ifPresent(location -> text.append(" at ").append(location));
        for (ImportNote note : done.notes()) {
            text.append("\n").append(note.kind()).append(note.location() == null ? "" : " " + note.location())
                    .append(": ").append(note.message());
        }
        return text.toString();
    }
}
