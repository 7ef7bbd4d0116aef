package receivables.api.collections;

/**
 * A notice written out: its subject, the body as plain text and as an HTML document (every value escaped).
 */
public record RenderedNotice(String subject, String text, String html) {
}
