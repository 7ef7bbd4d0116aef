package receivables.api.collections;

import receivables.api.money.Money;

/**
 * What one collector's customers promised and paid in one currency in a period.
 *
 * @param collector       the collector's actor id, {@code null} for customers without one
 * @param keptPromises    promises to pay due in the period (by their date) that were kept
 * @param brokenPromises  promises to pay due in the period that were broken
 * @param openPromises    promises to pay due in the period the dunning run has not settled yet
 * @param promised        what the kept and broken promises of the period promised, added up
 * @param collected       payments allocated to the customers' invoices (fee and interest items included) with a
 *                        value date in the period and never taken back, as the collections report counts them;
 *                        credit notes and write-offs are not collected
 */
public record CollectorReportRow(String collector, String currency, int keptPromises, int brokenPromises,
        int openPromises, Money promised, Money collected) {
}
