package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import receivables.api.collections.DunningNotice;
import receivables.api.collections.NoticeItem;
import receivables.api.collections.NoticeTemplate;
import receivables.api.collections.RenderedNotice;
import receivables.api.money.Money;
import receivables.impl.collections.internal.TemplateText.Value;

/**
 * A notice written from its template in the policy's language (简体中文 or English): the values its placeholders
 * stand for, the default templates for reminders and for dunning, and the notice rendered as text and HTML.
 */
final class NoticeTexts {

    static final String REMINDER = "reminder";
    static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    static final Set<String> PLACEHOLDERS = Set.copyOf(NoticeTemplate.PLACEHOLDERS);
    static final Set<String> PAY_LINK_PLACEHOLDERS = Set.of("customerNumber", "customerId");
    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 20_000;

    /** The customer a notice goes to, as its placeholders name it. */
    record Addressee(UUID id, String name, String number) {
    }

    private NoticeTexts() {
    }

    static boolean chinese(String language) {
        return "zh-CN".equals(language);
    }

    /** The template level a notice is written at: {@code reminder} when no item is due yet, else its level. */
    static String levelOf(DunningNotice notice) {
        return notice.items().stream().allMatch(item -> item.daysPastDue() < 0) ? REMINDER : String.valueOf(notice.level());
    }

    static NoticeTemplate defaultTemplate(String level, String language) {
        boolean reminder = REMINDER.equals(level);
        if (chinese(language)) {
            return new NoticeTemplate(level, language, reminder ? "付款提醒" : "逾期付款通知（第{{level}}级）",
                    "{{customer}}，您好：\n\n"
                            + (reminder ? "以下款项即将到期，请按时付款：" : "以下款项已逾期，请尽快付款：")
                            + "\n\n{{items}}\n\n逾期合计：{{overdue}}\n催款费：{{fee}}\n逾期利息：{{interest}}\n应付合计：{{total}}"
                            + "\n\n如已付款，请忽略本通知。如有疑问，请与我们联系。", false);
        }
        return new NoticeTemplate(level, language, reminder ? "Payment reminder" : "Overdue payment notice (level {{level}})",
                "Dear {{customer}},\n\n"
                        + (reminder ? "The following items fall due soon; please pay them on time:"
                                : "The following items are overdue; please pay them promptly:")
                        + "\n\n{{items}}\n\nOverdue in all: {{overdue}}\nDunning fee: {{fee}}\nInterest: {{interest}}"
                        + "\nTotal to pay: {{total}}\n\n"
                        + "If you have paid already, please disregard this notice. Questions? Just reply.", false);
    }

    /** The template filled with the notice's values. */
    static RenderedNotice render(NoticeTemplate template, DunningNotice notice, Addressee customer, String payLink) {
        Map<String, Value> values = values(notice, customer, payLink, template.language());
        TemplateText subject = TemplateText.parse("subject", template.subject(), PLACEHOLDERS, MAX_SUBJECT);
        TemplateText body = TemplateText.parse("body", template.body(), PLACEHOLDERS, MAX_BODY);
        String line = subject.line(values);
        String html = "<!DOCTYPE html>\n<html lang=\"" + TemplateText.escape(template.language())
                + "\"><head><meta charset=\"utf-8\"><title>" + TemplateText.escape(line)
                + "</title></head>\n<body style=\"font-family:sans-serif\">\n" + body.html(values) + "\n</body></html>\n";
        return new RenderedNotice(line, body.text(values), html);
    }

    static Map<String, Value> values(DunningNotice notice, Addressee customer, String payLink, String language) {
        boolean zh = chinese(language);
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("customer", Value.of(customer.name()));
        values.put("customerNumber", Value.of(customer.number()));
        values.put("date", Value.of(String.valueOf(notice.runDate())));
        values.put("level", Value.of(String.valueOf(notice.level())));
        values.put("items", items(notice.items(), zh));
        values.put("overdue", Value.of(amount(notice.overdue())));
        values.put("fee", Value.of(amount(notice.fee())));
        values.put("interest", Value.of(amount(notice.interest())));
        values.put("total", Value.of(total(notice)));
        values.put("firstDueDate", Value.of(notice.items().stream().map(NoticeItem::dueDate).min(LocalDate::compareTo)
                .map(String::valueOf).orElse("")));
        String link = payLink == null ? "" : payLink(payLink, customer);
        values.put("payLink", link.isEmpty() ? Value.of("") : new Value(link, "<a href=\"" + TemplateText.escape(link)
                + "\">" + TemplateText.escape(link) + "</a>"));
        return values;
    }

    /** The pay link pattern with the customer's number and id, URL-encoded. */
    static String payLink(String pattern, Addressee customer) {
        Map<String, Value> values = Map.of(
                "customerNumber", new Value(encode(customer.number()), ""),
                "customerId", new Value(encode(String.valueOf(customer.id())), ""));
        return TemplateText.parse("pattern", pattern, PAY_LINK_PLACEHOLDERS, 1000).text(values);
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The items as lines of text and as an HTML table. */
    private static Value items(List<NoticeItem> items, boolean zh) {
        String text = items.stream().map(item -> line(item, zh)).collect(Collectors.joining("\n"));
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse\">\n<tr>");
        for (String heading : headings(zh)) {
            html.append("<th style=\"text-align:left;padding:2px 8px\">").append(heading).append("</th>");
        }
        html.append("</tr>\n");
        for (NoticeItem item : items) {
            html.append("<tr>");
            for (String cell : cells(item)) {
                html.append("<td style=\"padding:2px 8px\">").append(TemplateText.escape(TemplateText.printable(cell))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return new Value(TemplateText.printable(text), html.append("</table>").toString());
    }

    static List<String> headings(boolean zh) {
        return zh ? List.of("发票号", "期数", "到期日", "未付金额", "逾期天数")
                : List.of("Invoice", "Installment", "Due date", "Open", "Days overdue");
    }

    static List<String> cells(NoticeItem item) {
        return List.of(item.invoiceNumber(), String.valueOf(item.installment()), String.valueOf(item.dueDate()),
                amount(item.open()), item.daysPastDue() > 0 ? String.valueOf(item.daysPastDue()) : "");
    }

    private static String line(NoticeItem item, boolean zh) {
        String open = amount(item.open());
        if (zh) {
            return "- " + item.invoiceNumber() + " 第" + item.installment() + "期，到期日 " + item.dueDate() + "，未付 " + open
                    + (item.daysPastDue() > 0 ? "，逾期 " + item.daysPastDue() + " 天" : "");
        }
        return "- " + item.invoiceNumber() + " installment " + item.installment() + ", due " + item.dueDate() + ", open "
                + open + (item.daysPastDue() > 0 ? ", " + item.daysPastDue() + " days overdue" : "");
    }

    static String amount(Money money) {
        return money.amount().toPlainString() + " " + money.currency();
    }

    /** What the notice asks for: its items' open amounts with the fee and interest charged with it, by currency. */
    static String total(DunningNotice notice) {
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        notice.items().forEach(item -> byCurrency.merge(item.open().currency(), item.open().amount(), BigDecimal::add));
        for (Money charge : List.of(notice.fee(), notice.interest())) {
            byCurrency.merge(charge.currency(), charge.amount(), BigDecimal::add);
        }
        return byCurrency.entrySet().stream().filter(e -> e.getValue().signum() != 0 || byCurrency.size() == 1)
                .map(e -> e.getValue().toPlainString() + " " + e.getKey()).collect(Collectors.joining(" + "));
    }
}
