package receivables.api.collections;

/** A template's texts as a tenant writes them. */
public record NoticeTemplateRequest(String subject, String body) {
}
