package receivables.api.collections;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The texts a tenant's notices are written from: one template per level ({@code reminder} for reminders before the
 * due date, {@code 1} to {@code 20} for dunning at that level) and language ({@code zh-CN}, {@code en}). A level
 * without a template of the tenant's takes the default text shipped for reminders or for dunning.
 *
 * <p>Templates hold text with placeholders ({@code {{customer}}}, {@code {{items}}}, …; see
 * {@link NoticeTemplate#PLACEHOLDERS}) and nothing else: no expressions, no markup of their own. Every value is
 * escaped where it lands (HTML, the PDF), so neither a template nor a customer's name can inject anything.
 */
@ProviderType
public interface NoticeTemplates {

    /** The templates the tenant has written, by level and language. */
    List<NoticeTemplate> list(TenantId tenant);

    /**
     * The template in use for the level and language: the tenant's, or the default.
     *
     * @throws receivables.api.InvalidRequestException when the level or the language is not one there are templates for
     */
    NoticeTemplate find(TenantId tenant, String level, String language);

    /**
     * Creates or replaces the tenant's template for the level and language.
     *
     * @throws receivables.api.InvalidRequestException naming {@code subject} or {@code body} when a placeholder is
     *         unknown or unclosed, or a text is empty or too long; nothing is stored
     */
    NoticeTemplate define(TenantId tenant, String level, String language, NoticeTemplateRequest request);

    /**
     * Removes the tenant's template: the default is used again.
     *
     * @throws receivables.api.NotFoundException when the tenant has none for the level and language
     */
    void reset(TenantId tenant, String level, String language);

    /**
     * The template (the draft when given, else the one in use) filled with an example customer and items, as a
     * customer would read it.
     */
    RenderedNotice preview(TenantId tenant, String level, String language, NoticeTemplateRequest draft);

    /** The tenant's pay link pattern, e.g. {@code https://pay.example.com/c/{{customerNumber}}}. */
    Optional<String> payLink(TenantId tenant);

    /**
     * Sets the pattern {@code {{payLink}}} is filled from, or removes it when {@code null}: an http(s) URL in which
     * {@code {{customerNumber}}} and {@code {{customerId}}} stand for the customer's, URL-encoded.
     *
     * @throws receivables.api.InvalidRequestException naming {@code pattern}
     */
    Optional<String> payLink(TenantId tenant, String pattern);
}
