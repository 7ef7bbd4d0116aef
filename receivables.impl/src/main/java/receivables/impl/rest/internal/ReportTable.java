package receivables.impl.rest.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import receivables.api.money.Money;
import receivables.api.provision.ProvisionBucket;
import receivables.api.provision.ProvisionMatrix;
import receivables.api.provision.ProvisionReport;
import receivables.api.report.AgingBucket;
import receivables.api.report.CashForecast;
import receivables.api.report.CollectionKpi;
import receivables.api.report.CollectionKpis;
import receivables.api.report.CollectionRow;
import receivables.api.report.CollectionsReport;
import receivables.api.report.DimensionAgingRow;
import receivables.api.report.ExpectedReceipt;
import receivables.api.report.ReceivablesReport;

/**
 * A report as a sheet of rows, for CSV and spreadsheet exports: a header, then rows whose cells are text, or
 * numbers a spreadsheet can add up. Totals rows have the key {@code TOTAL} and no label.
 */
record ReportTable(String name, List<String> header, List<List<Object>> rows) {

    static final String TOTAL = "TOTAL";

    static ReportTable of(ReceivablesReport report) {
        List<String> header = new ArrayList<>(List.of(report.dimension().parameter(), "label", "currency"));
        report.buckets().stream().map(AgingBucket::label).forEach(header::add);
        header.add("total");
        List<List<Object>> rows = new ArrayList<>();
        for (DimensionAgingRow row : report.rows()) {
            rows.add(agingCells(row.key(), row.label(), row));
        }
        for (DimensionAgingRow row : report.totals()) {
            rows.add(agingCells(TOTAL, null, row));
        }
        return new ReportTable("receivables-" + report.dimension().parameter() + "-" + report.asOf(), header, rows);
    }

    static ReportTable of(CollectionsReport report) {
        List<String> header = List.of(report.dimension().parameter(), "label", "currency", "collected", "onTimePercent",
                "averageDaysToPay", "averageDaysBeyondTerms");
        List<List<Object>> rows = new ArrayList<>();
        for (CollectionRow row : report.rows()) {
            rows.add(collectionCells(row.key(), row.label(), row));
        }
        for (CollectionRow row : report.totals()) {
            rows.add(collectionCells(TOTAL, null, row));
        }
        return new ReportTable("collections-" + report.dimension().parameter() + "-" + report.from() + "-" + report.to(),
                header, rows);
    }

    static ReportTable of(CollectionKpis kpis) {
        List<String> header = List.of("asOf", "currency", "receivables", "current", "dso", "bestPossibleDso",
                "averageDaysDelinquent", "cei");
        List<List<Object>> rows = new ArrayList<>();
        for (CollectionKpi kpi : kpis.trend()) {
            rows.add(cells(kpi.asOf().toString(), kpis.currency(), kpi.receivables().amount(), kpi.current().amount(),
                    kpi.dso(), kpi.bestPossibleDso(), kpi.averageDaysDelinquent(), kpi.cei()));
        }
        return new ReportTable("kpis-" + kpis.asOf(), header, rows);
    }

    static ReportTable of(CashForecast forecast) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExpectedReceipt receipt : forecast.days()) {
            rows.add(cells("day", receipt.date().toString(), receipt.amount().currency(), receipt.amount().amount()));
        }
        for (ExpectedReceipt receipt : forecast.weeks()) {
            rows.add(cells("week", receipt.date().toString(), receipt.amount().currency(), receipt.amount().amount()));
        }
        for (ExpectedReceipt receipt : forecast.later()) {
            rows.add(cells("later", receipt.date().toString(), receipt.amount().currency(), receipt.amount().amount()));
        }
        return new ReportTable("forecast-" + forecast.asOf(), List.of("period", "from", "currency", "expected"), rows);
    }

    static ReportTable of(ProvisionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProvisionMatrix matrix : report.currencies()) {
            for (ProvisionBucket bucket : matrix.buckets()) {
                rows.add(cells(bucket.bucket().label(), matrix.currency(), bucket.rollRate(), bucket.lossRate(),
                        bucket.factor(), bucket.adjustedLossRate(), bucket.balance().amount(),
                        bucket.expectedLoss().amount()));
            }
            rows.add(cells(TOTAL, matrix.currency(), null, null, null, null, null, matrix.allowance().amount()));
        }
        return new ReportTable("provision-" + report.asOf(), List.of("bucket", "currency", "rollRate", "lossRate",
                "factor", "adjustedLossRate", "balance", "expectedLoss"), rows);
    }

    private static List<Object> agingCells(String key, String label, DimensionAgingRow row) {
        List<Object> cells = cells(key, label, row.currency());
        row.buckets().stream().map(Money::amount).forEach(cells::add);
        cells.add(row.total().amount());
        return cells;
    }

    private static List<Object> collectionCells(String key, String label, CollectionRow row) {
        return cells(key, label, row.currency(), row.collected().amount(), row.onTimePercent(), row.averageDaysToPay(),
                row.averageDaysBeyondTerms());
    }

    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value);
        }
        return cells;
    }

    /** The table as RFC 4180 CSV in UTF-8: text cells guarded against formulas, numbers plain. */
    void writeCsv(OutputStream output) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        writeCsvLine(writer, new ArrayList<>(header));
        for (List<Object> row : rows) {
            writeCsvLine(writer, row);
        }
        writer.flush();
    }

    private static void writeCsvLine(BufferedWriter writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            Object cell = cells.get(i);
            writer.write(cell instanceof BigDecimal number ? number.toPlainString()
                    : AuditResource.cell(cell == null ? null : cell.toString()));
        }
        writer.write("\r\n");
    }

    /** The table as an XLSX workbook of one sheet: numbers as numbers, the header row bold. */
    void writeXlsx(OutputStream output) throws IOException {
        Workbook workbook = new Workbook(output, "receivables", "1.0");
        Worksheet sheet = workbook.newWorksheet(name.substring(0, name.indexOf('-')));
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof BigDecimal number) {
                    sheet.value(r + 1, c, number);
                } else if (cell != null) {
                    sheet.value(r + 1, c, cell.toString());
                }
            }
        }
        workbook.finish();
    }
}
