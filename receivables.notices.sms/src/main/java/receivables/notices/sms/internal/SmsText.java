package receivables.notices.sms.internal;

/**
 * A text as an SMS carries it: in the GSM 7-bit default alphabet (3GPP TS 23.038) when every character has a place
 * in it, else in UCS-2 (as any Chinese text), and how many segments that takes. One SMS holds 160 septets or 70
 * UCS-2 characters; a longer text is sent as concatenated segments of 153 septets or 67 UCS-2 characters each (the
 * rest of each segment holds the header that joins them). A character of the GSM extension table ({@code €},
 * {@code [}, …) takes two septets, and a segment never splits it or a UTF-16 surrogate pair.
 *
 * @param units    septets for GSM-7, UTF-16 code units for UCS-2
 * @param segments how many SMS the text takes
 */
record SmsText(String text, Encoding encoding, int units, int segments) {

    enum Encoding {
        GSM7(160, 153),
        UCS2(70, 67);

        final int single;
        final int perSegment;

        Encoding(int single, int perSegment) {
            this.single = single;
            this.perSegment = perSegment;
        }
    }

    /** The GSM 7-bit default alphabet, the escape (0x1B) left out. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The characters of the extension table, each sent as the escape and one septet. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    static SmsText of(String text) {
        boolean gsm = text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
        return gsm ? gsm(text) : ucs2(text);
    }

    private static SmsText gsm(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= Encoding.GSM7.single) {
            return new SmsText(text, Encoding.GSM7, septets, septets == 0 ? 0 : 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > Encoding.GSM7.perSegment) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new SmsText(text, Encoding.GSM7, septets, segments);
    }

    private static SmsText ucs2(String text) {
        int units = text.length();
        if (units <= Encoding.UCS2.single) {
            return new SmsText(text, Encoding.UCS2, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + size > Encoding.UCS2.perSegment) {
                segments++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new SmsText(text, Encoding.UCS2, units, segments);
    }

    /** E.g. {@code 2 segments UCS-2 (98 characters)}. */
    String describe() {
        return segments + (segments == 1 ? " segment " : " segments ")
                + (encoding == Encoding.GSM7 ? "GSM-7 (" + units + " septets)" : "UCS-2 (" + units + " characters)");
    }
}
