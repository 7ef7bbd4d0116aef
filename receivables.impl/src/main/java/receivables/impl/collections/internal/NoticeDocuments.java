package receivables.impl.collections.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.osgi.service.component.annotations.Component;

import receivables.api.collections.RenderedNotice;

/**
 * A notice as a PDF (A4, the subject as its title and the text below, then the customer's statement as a table of
 * its open items with the totals per currency, page after page), with a font that has
 * Chinese and Latin glyphs (WenQuanYi Micro Hei, Apache-2.0) embedded as a subset, so that it reads the same in any viewer and prints as a letter.
 * A character the font has no glyph for is printed as {@code ?}, never a failure.
 */
@Component(service = NoticeDocuments.class)
public class NoticeDocuments {

    static final String FONT = "/fonts/wqy-microhei.ttc";
    static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 15;
    private static final float TEXT_SIZE = 10.5f;
    private static final float LEADING = 1.45f;
    /** Where the statement's columns start, from the left margin; the last is the right margin. */
    private static final float[] COLUMNS = { 0, 118, 150, 218, 285, 375, 437, PDRectangle.A4.getWidth() - 2 * MARGIN };

    private final byte[] font;

    public NoticeDocuments() {
        try (InputStream in = NoticeDocuments.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the notice font " + FONT + " is missing from the bundle");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notice font", e);
        }
    }

    /** The notice with the customer's statement as a PDF document. */
    byte[] pdf(RenderedNotice notice, String language, NoticeStatement statement) {
        try (PDDocument document = new PDDocument();
                TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font))) {
            TrueTypeFont face = collection.getFontByName(FONT_NAME);
            if (face == null) {
                throw new IllegalStateException("the notice font has no face " + FONT_NAME);
            }
            PDType0Font type0 = PDType0Font.load(document, face, true);
            Glyphs glyphs = new Glyphs(type0);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(glyphs.printable(notice.subject()));
            info.setCustomMetadataValue("Language", language);
            Pages pages = new Pages(document, type0);
            pages.write(glyphs.printable(notice.subject()), TITLE_SIZE);
            pages.skip(TEXT_SIZE);
            for (String paragraph : notice.text().split("\n", -1)) {
                pages.write(glyphs.printable(paragraph.replace("\t", "    ")), TEXT_SIZE);
            }
            statement(pages, glyphs, statement, NoticeTexts.chinese(language));
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the notice PDF could not be written", e);
        }
    }

    /** The statement on a page of its own: a heading, one row per open item, the totals per currency. */
    private static void statement(Pages pages, Glyphs glyphs, NoticeStatement statement, boolean zh) throws IOException {
        pages.newPage();
        pages.write(zh ? "对账单（截至 " + statement.asOf() + "）" : "Statement of account as of " + statement.asOf(),
                TITLE_SIZE);
        pages.skip(TEXT_SIZE);
        pages.row(zh ? List.of("发票号", "期数", "类型", "到期日", "未付金额", "逾期天数", "催款级别")
                : List.of("Invoice", "Inst.", "Type", "Due date", "Open", "Days late", "Level"), TEXT_SIZE);
        for (NoticeStatement.Line line : statement.lines()) {
            pages.row(List.of(glyphs.printable(line.invoiceNumber()), String.valueOf(line.installment()),
                    kind(line.kind(), zh), String.valueOf(line.dueDate()), NoticeTexts.amount(line.open()),
                    line.daysOverdue() > 0 ? String.valueOf(line.daysOverdue()) : "",
                    line.level() > 0 ? String.valueOf(line.level()) : ""), TEXT_SIZE);
        }
        if (statement.lines().isEmpty()) {
            pages.write(zh ? "没有未付款项。" : "Nothing is open.", TEXT_SIZE);
        }
        pages.skip(TEXT_SIZE);
        for (var total : statement.totals().values()) {
            pages.write((zh ? "未付合计 " : "Open in all, ") + total.currency() + (zh ? "：" : ": ")
                    + NoticeTexts.amount(total), TEXT_SIZE);
        }
    }

    private static String kind(NoticeStatement.Kind kind, boolean zh) {
        return switch (kind) {
            case INVOICE -> zh ? "发票" : "Invoice";
            case DUNNING_FEE -> zh ? "催款费" : "Dunning fee";
            case INTEREST -> zh ? "逾期利息" : "Interest";
        };
    }

    /** Which characters the font can show; the others become {@code ?}. */
    private static final class Glyphs {

        private final PDType0Font font;
        private final Map<Integer, Boolean> known = new HashMap<>();

        Glyphs(PDType0Font font) {
            this.font = font;
        }

        String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> out.appendCodePoint(known.computeIfAbsent(c, this::shows) ? c : '?'));
            return out.toString();
        }

        private boolean shows(int codePoint) {
            if (Character.isISOControl(codePoint)) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException noGlyph) {
                return false;
            }
        }
    }

    /** Lines written top to bottom, wrapped to the page's width, a new page when one is full. */
    private static final class Pages {

        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void write(String paragraph, float size) throws IOException {
            for (String line : wrap(paragraph, size)) {
                skip(size);
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            }
        }

        /** One row of a table: each cell at its column, cut to the column's width (the columns fit what they hold). */
        void row(List<String> cells, float size) throws IOException {
            skip(size);
            content.setFont(font, size);
            for (int i = 0; i < cells.size(); i++) {
                float column = COLUMNS[i + 1] - COLUMNS[i] - 4;
                List<String> lines = wrap(cells.get(i), size, column);
                content.beginText();
                content.newLineAtOffset(MARGIN + COLUMNS[i], y);
                content.showText(lines.get(0));
                content.endText();
            }
        }

        /** Moves down one line, to a new page when this one is full. */
        void skip(float size) throws IOException {
            if (content == null || y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private List<String> wrap(String paragraph, float size) throws IOException {
            return wrap(paragraph, size, PDRectangle.A4.getWidth() - 2 * MARGIN);
        }

        private List<String> wrap(String paragraph, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            int[] codePoints = paragraph.codePoints().toArray();
            for (int c : codePoints) {
                String glyph = new String(Character.toChars(c));
                float advance = font.getStringWidth(glyph) / 1000 * size;
                if (used + advance > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(glyph);
                used += advance;
            }
            lines.add(line.toString());
            return lines;
        }

        void close() throws IOException {
            if (content == null) {
                newPage();
            }
            content.close();
        }
    }
}
