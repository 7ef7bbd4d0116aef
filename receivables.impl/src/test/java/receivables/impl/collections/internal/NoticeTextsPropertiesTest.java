package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.NoticeItem;
import receivables.api.collections.NoticeTemplate;
import receivables.api.collections.RenderedNotice;
import receivables.api.money.Money;
import receivables.impl.collections.internal.NoticeTexts.Addressee;

/**
 * Templates and the values filled into them as a hostile tenant or customer writes them: a template is rendered or
 * refused naming its field, never another exception; whatever a value holds (markup, script, placeholders,
 * control characters, huge text) lands escaped in the HTML and is never expanded.
 */
class NoticeTextsPropertiesTest {

    @Property(tries = 1000)
    void hostileValuesLandEscapedAndAreNeverExpanded(@ForAll("hostile") String name, @ForAll("hostile") String number,
            @ForAll("hostile") String invoiceNumber) {
        NoticeTemplate template = new NoticeTemplate("2", "en", "Notice for {{customer}} {{customerNumber}}",
                "<b>Dear</b> {{customer}}\n{{items}}\n{{total}}\n{{payLink}}", true);

        RenderedNotice rendered = NoticeTexts.render(template, notice(invoiceNumber), new Addressee(UUID.randomUUID(),
                name, number), "https://pay.example/c/{{customerNumber}}");

        String html = rendered.html();
        String body = html.substring(html.indexOf("<body"));
        assertThat(body).doesNotContain("<script", "<img", "<b>", "onerror=\"");
        assertThat(body.replaceAll("<(/?)(body|html|br|table|tr|th|td|a)( [^<>]*)?>", "")).doesNotContain("<", ">");
        assertThat(rendered.subject()).doesNotContain("\n", "\r");
        assertThat(rendered.text()).doesNotContain("\r", "\0");
        assertThat(rendered.text()).contains(TemplateText.printable(name));
        // A placeholder in a value stays text: {{total}} from a value is not the total.
        long totals = rendered.text().split("\\{\\{total\\}\\}", -1).length - 1;
        long inValues = (name + invoiceNumber).split("\\{\\{total\\}\\}", -1).length - 1;
        assertThat(totals).isLessThanOrEqualTo(inValues);
        assertThat(html).contains("https://pay.example/c/");
        assertThat(html).doesNotContain("href=\"javascript");
    }

    @Property(tries = 2000)
    void aTemplateIsRenderedOrRefusedNamingItsField(@ForAll("templates") String subject, @ForAll("templates") String body) {
        NoticeTemplate template = new NoticeTemplate("1", "zh-CN", subject, body, true);
        try {
            RenderedNotice rendered = NoticeTexts.render(template, notice("INV-1"), new Addressee(UUID.randomUUID(),
                    "客户", "C-1"), null);
            assertThat(rendered.html()).startsWith("<!DOCTYPE html>");
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).extracting(FieldViolation::field).containsAnyOf("subject", "body");
        }
    }

    @Example
    void unknownAndUnclosedPlaceholdersAreRefusedNamingTheField() {
        for (String text : List.of("{{customer", "{{ nope }}", "x }} y", "{{customer.name}}", "{{#each items}}",
                "{{customer}}{{", "")) {
            assertThatThrownBy(() -> TemplateText.parse("body", text, NoticeTexts.PLACEHOLDERS, 100))
                    .as(text).isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("body"));
        }
        assertThatThrownBy(() -> TemplateText.parse("subject", "x".repeat(501), NoticeTexts.PLACEHOLDERS, 500))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Example
    void theDefaultsReadInBothLanguages() {
        for (String language : NoticeTexts.LANGUAGES) {
            for (String level : List.of("reminder", "1", "20")) {
                RenderedNotice rendered = NoticeTexts.render(NoticeTexts.defaultTemplate(level, language), notice("INV-9"),
                        new Addressee(UUID.randomUUID(), "Acme <GmbH>", "C-9"), null);
                assertThat(rendered.text()).contains("Acme <GmbH>", "INV-9", "119.00 EUR");
                assertThat(rendered.html()).contains("Acme &lt;GmbH&gt;", ">INV-9</td>");
                assertThat(rendered.subject()).isNotBlank();
                if (language.equals("zh-CN")) {
                    assertThat(rendered.text()).contains("您好");
                }
            }
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=\"alert(1)\">", "{{total}}",
                        "{{payLink}}", "{{", "}}", "&amp;", "javascript:alert(1)", "上海<贸易>&\"有限'公司", "\0\r\n\u2028",
                        "\uD800", "a".repeat(100_000)),
                Arbitraries.strings().withChars("<>&\"'{}\r\n\0\uD83D\uDE00a中").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{} ab<>").ofMaxLength(40),
                Arbitraries.of(NoticeTemplate.PLACEHOLDERS).map(name -> "x {{" + name + "}} y"),
                Arbitraries.just("x".repeat(20_001)), Arbitraries.just(null));
    }

    private static DunningNotice notice(String invoiceNumber) {
        LocalDate date = LocalDate.of(2026, 3, 23);
        return new DunningNotice(UUID.randomUUID(), date, UUID.randomUUID(), 2, List.of(new NoticeItem(UUID.randomUUID(),
                invoiceNumber, 1, date.minusDays(7), Money.of("119.00", "EUR"), 7, 2, false)), Money.of("119.00", "EUR"),
                Money.of("5.00", "EUR"), Money.zero("EUR"), List.of(), "email", DeliveryStatus.PENDING, 0, null);
    }
}
