package receivables.api.risk;

/**
 * What the model knows of an installment and its customer on the day it is scored; each counts only what was known
 * that day.
 */
public enum RiskFactor {
    /** The customer's average days beyond terms over its settled installments, weighted by amount. */
    DAYS_BEYOND_TERMS,
    /** The average days beyond terms of the customer's last three settled installments. */
    RECENT_DAYS_BEYOND_TERMS,
    /** Recent minus average days beyond terms: positive when the customer pays later than it used to. */
    DELAY_TREND,
    /** The share of the customer's settled installments that were settled after their due date. */
    SHARE_PAID_LATE,
    /** The share of the customer's installments due 90 days ago or more that were open 90 days past due. */
    SHARE_OVER_90_DAYS,
    /** What the customer has open against its credit limit (0 without a limit). */
    CREDIT_UTILISATION,
    /** How many of the customer's invoices were disputed in the last year. */
    DISPUTES,
    /** Whether this installment's invoice is in dispute (1) or not (0). */
    INVOICE_DISPUTED,
    /** The highest dunning level the customer's notices reached in the last 180 days. */
    DUNNING_LEVEL,
    /** Days since the customer's first invoice. */
    RELATIONSHIP_DAYS,
    /** This installment's amount against the customer's average installment (log ratio). */
    INVOICE_SIZE,
    /** Days past due of the customer's oldest open installment (0 when none is overdue). */
    OLDEST_OVERDUE_DAYS,
    /** Days past due of this installment itself on the day it is scored (0 before its due date). */
    DAYS_OVERDUE
}
