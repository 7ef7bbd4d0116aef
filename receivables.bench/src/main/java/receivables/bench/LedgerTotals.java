package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a billing run left in one tenant's ledger, counted and summed with plain SQL, so that ours and the
 * baseline can be shown to have done the same work.
 */
record LedgerTotals(Map<String, Object> figures) {

    static LedgerTotals read(Connection connection, String tenant, int fiscalYear) throws SQLException {
        Map<String, Object> figures = new LinkedHashMap<>();
        query(connection, figures, tenant, "select count(*), sum(case when status = 'ISSUED' then 1 else 0 end),"
                        + " sum(net_amount), sum(tax_amount), sum(gross_amount), sum(open_amount) from invoice where tenant_id = ?",
                "invoices", "issued invoices", "net", "tax", "gross", "open");
        query(connection, figures, tenant, "select count(*), sum(net_amount), sum(tax_amount) from invoice_line where tenant_id = ?",
                "invoice lines", "line net", "line tax");
        query(connection, figures, tenant, "select count(*), sum(amount) from installment where tenant_id = ?",
                "installments", "installment amounts");
        query(connection, figures, tenant, "select count(*) from journal_entry where tenant_id = ?", "journal entries");
        query(connection, figures, tenant, "select count(*), sum(debit), sum(credit),"
                        + " sum(case when account = 'RECEIVABLE' then debit else 0 end) from journal_line where tenant_id = ?",
                "journal lines", "debits", "credits", "receivable debits");
        try (PreparedStatement counter = connection.prepareStatement(
                "select last_number from invoice_number_sequence where tenant_id = ? and fiscal_year = ?");
                ResultSet row = Jdbc.bind(counter, tenant, fiscalYear).executeQuery()) {
            figures.put("last invoice number", row.next() ? row.getLong(1) : 0L);
        }
        return new LedgerTotals(figures);
    }

    /** Whether every figure agrees; amounts compared by value, whatever scale the driver returns. */
    boolean agreesWith(LedgerTotals other) {
        if (!figures.keySet().equals(other.figures.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            Object mine = figure.getValue();
            Object theirs = other.figures.get(figure.getKey());
            boolean same = mine instanceof BigDecimal a && theirs instanceof BigDecimal b ? a.compareTo(b) == 0
                    : String.valueOf(mine).equals(String.valueOf(theirs));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    Object get(String figure) {
        return figures.get(figure);
    }

    private static void query(Connection connection, Map<String, Object> figures, String tenant, String sql, String... names)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = Jdbc.bind(statement, tenant).executeQuery()) {
            row.next();
            for (int i = 0; i < names.length; i++) {
                Object value = row.getObject(i + 1);
                figures.put(names[i], value instanceof BigDecimal amount ? amount.setScale(2, java.math.RoundingMode.UNNECESSARY)
                        : value instanceof Number number ? (Object) number.longValue() : value);
            }
        }
    }
}
