package receivables.impl.collections.internal;

import java.util.stream.Collectors;

import receivables.api.collections.DunningNotice;
import receivables.api.collections.NoticeItem;

/**
 * The text of a notice in the policy's language (简体中文 or English): a friendly reminder before the due date, a
 * dunning notice after it, each naming every item with its due date, what is open and its level.
 */
final class NoticeTexts {

    private NoticeTexts() {
    }

    static String subject(DunningNotice notice, boolean reminder, String language) {
        if (chinese(language)) {
            return reminder ? "付款提醒" : "逾期付款通知（第" + notice.level() + "级）";
        }
        return reminder ? "Payment reminder" : "Overdue payment notice (level " + notice.level() + ")";
    }

    static String body(DunningNotice notice, String customerName, boolean reminder, String language) {
        boolean zh = chinese(language);
        String items = notice.items().stream().map(item -> line(item, zh)).collect(Collectors.joining("\n"));
        StringBuilder body = new StringBuilder();
        if (zh) {
            body.append(customerName).append("，您好：\n\n")
                    .append(reminder ? "以下款项即将到期，请按时付款：\n\n" : "以下款项已逾期，请尽快付款：\n\n")
                    .append(items).append("\n\n逾期合计：").append(notice.overdue().amount().toPlainString()).append(' ')
                    .append(notice.overdue().currency());
            if (notice.fee().isPositive()) {
                body.append("\n催款费：").append(notice.fee().amount().toPlainString()).append(' ').append(notice.fee().currency());
            }
            if (notice.interest().isPositive()) {
                body.append("\n逾期利息：").append(notice.interest().amount().toPlainString()).append(' ')
                        .append(notice.interest().currency());
            }
            body.append("\n\n如已付款，请忽略本通知。如有疑问，请与我们联系。");
        } else {
            body.append("Dear ").append(customerName).append(",\n\n")
                    .append(reminder ? "The following items fall due soon; please pay them on time:\n\n"
                            : "The following items are overdue; please pay them promptly:\n\n")
                    .append(items).append("\n\nOverdue in all: ").append(notice.overdue().amount().toPlainString())
                    .append(' ').append(notice.overdue().currency());
            if (notice.fee().isPositive()) {
                body.append("\nDunning fee: ").append(notice.fee().amount().toPlainString()).append(' ')
                        .append(notice.fee().currency());
            }
            if (notice.interest().isPositive()) {
                body.append("\nInterest: ").append(notice.interest().amount().toPlainString()).append(' ')
                        .append(notice.interest().currency());
            }
            body.append("\n\nIf you have paid already, please disregard this notice. Questions? Just reply.");
        }
        return body.toString();
    }

    private static String line(NoticeItem item, boolean zh) {
        String open = item.open().amount().toPlainString() + " " + item.open().currency();
        if (zh) {
            return "- " + item.invoiceNumber() + " 第" + item.installment() + "期，到期日 " + item.dueDate() + "，未付 " + open
                    + (item.daysPastDue() > 0 ? "，逾期 " + item.daysPastDue() + " 天" : "");
        }
        return "- " + item.invoiceNumber() + " installment " + item.installment() + ", due " + item.dueDate() + ", open "
                + open + (item.daysPastDue() > 0 ? ", " + item.daysPastDue() + " days overdue" : "");
    }

    static boolean chinese(String language) {
        return "zh-CN".equals(language);
    }
}
