package receivables.api.statement;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;

/**
 * Bank statements imported in the background and matched to open invoices: a line whose match is at
 * least as sure as the tenant's threshold becomes a payment allocated to its invoice, any other credit line
 * goes to the {@link SuspenseQueue}. A line is imported once however often its statement arrives.
 */
@ProviderType
public interface StatementImports {

    /**
     * Takes the file in {@code content} (read to its end here, not closed) and returns at once; the file is
     * checked completely before any line is imported, and a malformed one ends {@link ImportStatus#REJECTED}
     * with nothing imported.
     *
     * @throws receivables.api.InvalidRequestException (field {@code body}) when the content is empty or no
     *         installed {@link StatementFormat} recognises it; nothing is stored
     */
    StatementImport start(TenantId tenant, InputStream content);

    Optional<StatementImport> find(TenantId tenant, UUID importId);

    /** The tenant's imports, the newest first. */
    Page<StatementImport> list(TenantId tenant, PageRequest page);

    /**
     * The statements of an import with their opening and closing balances, in file order.
     *
     * @throws receivables.api.NotFoundException when the import does not exist
     */
    Page<ImportedStatement> statements(TenantId tenant, UUID importId, PageRequest page);
}
