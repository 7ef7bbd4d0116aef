package receivables.impl.collections.internal;

/** How fee and interest items describe themselves on invoices and statements, in the policy's language. */
final class Descriptions {

    private Descriptions() {
    }

    static String fee(String language, int level) {
        return NoticeTexts.chinese(language) ? "催款费（第" + level + "级）" : "Dunning fee, level " + level;
    }

    static String interest(String language) {
        return NoticeTexts.chinese(language) ? "逾期利息" : "Interest on overdue amounts";
    }
}
