package receivables.notices.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import receivables.notices.sms.internal.SmsText.Encoding;

class SmsTextTest {

    @Test
    void latinTextGoesAsGsm7InOneSegmentUpTo160Septets() {
        SmsText text = SmsText.of("a".repeat(160));
        assertThat(text.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(text.segments()).isEqualTo(1);
        assertThat(SmsText.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsText.of("Overdue: 119.00 EUR, due 2026-03-16 (Müller & Søn)").encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void anExtensionCharacterTakesTwoSeptetsAndIsNeverSplit() {
        assertThat(SmsText.of("€".repeat(80)).units()).isEqualTo(160);
        assertThat(SmsText.of("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsText.of("€".repeat(81)).segments()).isEqualTo(2);
        // 152 septets, then a two-septet euro sign that does not fit the first segment's 153.
        assertThat(SmsText.of("a".repeat(152) + "€" + "a".repeat(10)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(152) + "€" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void chineseTextGoesAsUcs2In70Then67CharacterSegments() {
        SmsText text = SmsText.of("您好".repeat(35));
        assertThat(text.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(text.units()).isEqualTo(70);
        assertThat(text.segments()).isEqualTo(1);
        assertThat(SmsText.of("您".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsText.of("您".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsText.of("您".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsText.of("Invoice 发票").encoding()).isEqualTo(Encoding.UCS2);
        assertThat(SmsText.of("您".repeat(71)).describe()).isEqualTo("2 segments UCS-2 (71 characters)");
        assertThat(SmsText.of("ok").describe()).isEqualTo("1 segment GSM-7 (2 septets)");
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossSegments() {
        // 66 units, then an emoji of two: it goes into the second segment whole.
        assertThat(SmsText.of("您".repeat(66) + "😀" + "您".repeat(66)).segments()).isEqualTo(3);
        assertThat(SmsText.of("您".repeat(65) + "😀" + "您".repeat(67)).segments()).isEqualTo(2);
    }
}
