package receivables.api.collections;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The letters the {@code letter} notice channel queued for printing: a notice whose policy names the channel
 * {@code letter} is delivered by putting its PDF here (its delivery reads {@code DELIVERED}, "queued for
 * printing"); someone prints and posts it, then marks it printed.
 */
@ProviderType
public interface PrintQueue {

    /** The letters awaiting printing, oldest first. */
    List<Letter> awaiting(TenantId tenant);

    /**
     * The letter's PDF, printed or not.
     *
     * @throws receivables.api.NotFoundException when the tenant has no letter for the notice
     */
    byte[] pdf(TenantId tenant, UUID noticeId);

    /**
     * Marks the letter printed by {@code actor}; a letter marked already stays as it was marked.
     *
     * @throws receivables.api.NotFoundException when the tenant has no letter for the notice
     */
    Letter printed(TenantId tenant, UUID noticeId, String actor);
}
