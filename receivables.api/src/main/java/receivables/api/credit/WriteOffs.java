package receivables.api.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Write-offs of one tenant at a time. Small differences are written off by payments themselves, when an
 * allocation leaves no more open on an installment than the tenant's tolerance; bad debt by a clerk.
 */
@ProviderType
public interface WriteOffs {

    /**
     * Writes off everything still open on an issued invoice as bad debt, with its journal entry, in one
     * transaction; the invoice is settled.
     *
     * @param reason why the customer will not pay, e.g. "insolvency proceedings closed"; at most 200 characters
     * @param date   the write-off's date, not before the invoice's issue date
     * @throws receivables.api.InvalidRequestException on a missing reason or date; nothing is stored
     * @throws receivables.api.NotFoundException when the invoice does not exist
     * @throws receivables.api.ConflictException when the invoice is a draft, canceled, or has nothing open
     */
    WriteOff writeOffBadDebt(TenantId tenant, UUID invoiceId, String reason, LocalDate date);

    Optional<WriteOff> find(TenantId tenant, UUID writeOffId);

    /**
     * The invoice's write-offs in the order they were posted.
     *
     * @throws receivables.api.NotFoundException when the invoice does not exist
     */
    List<WriteOff> forInvoice(TenantId tenant, UUID invoiceId);
}
