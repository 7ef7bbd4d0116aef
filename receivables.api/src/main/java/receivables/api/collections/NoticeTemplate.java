package receivables.api.collections;

import java.util.List;

/**
 * The text of a notice for one level and language.
 *
 * @param level    {@code reminder}, or a dunning level {@code 1} to {@code 20}
 * @param language {@code zh-CN} or {@code en}
 * @param subject  one line with placeholders
 * @param body     text with placeholders
 * @param custom   whether it is the tenant's own (else the default)
 */
public record NoticeTemplate(String level, String language, String subject, String body, boolean custom) {

    /** The placeholders a template may hold, each written {@code {{name}}}. */
    public static final List<String> PLACEHOLDERS = List.of("customer", "customerNumber", "date", "level", "items",
            "overdue", "fee", "interest", "total", "firstDueDate", "payLink");
}
