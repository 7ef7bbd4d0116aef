package receivables.impl.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.history.HistoryFormat;
import receivables.api.history.HistoryImport;
import receivables.api.history.HistoryImportStatus;
import receivables.api.history.HistoryImports;
import receivables.impl.console.internal.AdminCommands;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Gogo command {@code receivables:importHistory <tenant> <file>}: imports a history file ({@code .csv} or
 * {@code .json}) from the host's file system as {@code POST /imports/history} would, and waits for the outcome (at
 * most {@link #PATIENCE}; a longer import goes on and is named by its id).
 */
@Component(service = HistoryImportCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=" + HistoryImportCommand.FUNCTION })
public class HistoryImportCommand {

    static final String FUNCTION = "importHistory";
    static final Duration PATIENCE = Duration.ofMinutes(5);

    private final HistoryImports imports;
    private final TenantDirectory tenants;
    private final Duration patience;

    @Activate
    public HistoryImportCommand(@Reference HistoryImports imports, @Reference TenantDirectory tenants) {
        this(imports, tenants, PATIENCE);
    }

    HistoryImportCommand(HistoryImports imports, TenantDirectory tenants, Duration patience) {
        this.imports = imports;
        this.tenants = tenants;
        this.patience = patience;
    }

    public String importHistory(String tenant, String file) {
        return AdminCommands.answer(FUNCTION, () -> {
            TenantId id = AdminCommands.tenant(tenant, tenants.configuredTenants());
            Path path = AdminCommands.readableFile(file);
            HistoryFormat format = format(path);
            HistoryImport started;
            try (InputStream content = Files.newInputStream(path)) {
                started = imports.start(id, format, content);
            } catch (IOException e) {
                throw new AdminCommands.Refused("cannot read " + path + ": " + e.getMessage());
            }
            return outcome(path, AdminCommands.awaited(started, current -> current.status() == HistoryImportStatus.RUNNING,
                    () -> imports.find(id, started.id()), patience));
        });
    }

    private static HistoryFormat format(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return HistoryFormat.CSV;
        }
        if (name.endsWith(".json")) {
            return HistoryFormat.JSON;
        }
        throw new AdminCommands.Refused("the file's name must end in .csv or .json, which says its format: " + path);
    }

    private static String outcome(Path path, HistoryImport done) {
        String text = "import " + done.id() + " of " + path.getFileName() + ": " + done.status() + ", "
                + done.recordsStored() + " of " + done.records() + " record(s) stored";
        if (done.status() == HistoryImportStatus.RUNNING) {
            return text + " so far; follow it with GET /api/v1/imports/history/" + done.id();
        }
        text += ": " + done.customers() + " customer(s), " + done.invoices() + " invoice(s), " + done.payments()
                + " payment(s) created, " + done.unchanged() + " unchanged, " + done.invoicesSettled()
                + " invoice(s) settled on their paid date, " + done.openingBalances() + " opening balance(s) on "
                + done.openingDate();
        return done.problem() == null ? text : text + "\nproblem: " + done.problem();
    }
}
