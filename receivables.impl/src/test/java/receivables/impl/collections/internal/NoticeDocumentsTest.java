package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import receivables.api.collections.RenderedNotice;
import receivables.api.money.Money;
import receivables.impl.collections.internal.NoticeStatement.Kind;
import receivables.impl.collections.internal.NoticeStatement.Line;

/** The notice's PDF carries the notice and the customer's statement, Chinese text and figures read back from it. */
class NoticeDocumentsTest {

    private static final NoticeStatement STATEMENT = new NoticeStatement(LocalDate.of(2026, 3, 23), List.of(
            new Line("INV-2026-0001", 1, Kind.INVOICE, LocalDate.of(2026, 3, 16), Money.of("119.00", "EUR"), 7, 2),
            new Line("INV-2026-0002", 2, Kind.INVOICE, LocalDate.of(2026, 4, 16), Money.of("1250.50", "CNY"), 0, 0),
            new Line("INV-2026-0003", 1, Kind.DUNNING_FEE, LocalDate.of(2026, 4, 6), Money.of("5.00", "EUR"), 0, 0),
            new Line("INV-2026-0004", 1, Kind.INTEREST, LocalDate.of(2026, 4, 6), Money.of("0.23", "EUR"), 0, 0)));

    @Test
    void aChineseNoticeCarriesTheStatementWithItsItemsLevelsChargesAndTotalsPerCurrency() throws IOException {
        String text = text(new NoticeDocuments().pdf(new RenderedNotice("逾期付款通知（第2级）",
                "上海贸易有限公司，您好：\n以下款项已逾期，请尽快付款。", "<p></p>"), "zh-CN", STATEMENT));

        assertThat(text).contains("逾期付款通知（第2级）", "上海贸易有限公司，您好", "对账单（截至 2026-03-23）",
                "发票号", "到期日", "未付金额", "催款级别", "催款费", "逾期利息");
        String first = lineWith(text, "INV-2026-0001");
        assertThat(first).contains("2026-03-16", "119.00 EUR", "发票");
        // Days late 7, level 2: the last two columns.
        assertThat(first.substring(first.indexOf("119.00 EUR") + 10).replaceAll("\\s", "")).isEqualTo("72");
        assertThat(lineWith(text, "INV-2026-0002")).contains("2026-04-16", "1250.50 CNY");
        assertThat(lineWith(text, "INV-2026-0003")).contains("催款费", "5.00 EUR");
        assertThat(lineWith(text, "INV-2026-0004")).contains("逾期利息", "0.23 EUR");
        assertThat(text).contains("未付合计 CNY：1250.50 CNY", "未付合计 EUR：124.23 EUR");
        assertThat(text.indexOf("未付合计 CNY")).isLessThan(text.indexOf("未付合计 EUR"));
    }

    @Test
    void anEnglishNoticeSaysSoInEnglishAndAnEmptyStatementSaysNothingIsOpen() throws IOException {
        String text = text(new NoticeDocuments().pdf(new RenderedNotice("Payment reminder", "Dear Alpha GmbH,", ""),
                "en", new NoticeStatement(LocalDate.of(2026, 3, 1), List.of())));

        assertThat(text).contains("Payment reminder", "Statement of account as of 2026-03-01", "Nothing is open.")
                .doesNotContain("Open in all");
        assertThat(new NoticeDocuments().pdf(new RenderedNotice("Overdue", "Dear Alpha GmbH,", ""), "en", STATEMENT))
                .satisfies(pdf -> assertThat(text(pdf)).contains("Dunning fee", "Interest", "Open in all, EUR: 124.23 EUR"));
    }

    private static String lineWith(String text, String number) {
        return text.lines().filter(line -> line.contains(number)).findFirst().orElseThrow();
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
