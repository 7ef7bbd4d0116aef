package receivables.api.channel;

import java.util.Objects;

/**
 * A file that goes with a notice, e.g. the notice as a PDF.
 *
 * @param fileName  e.g. {@code notice-2026-03-02.pdf}
 * @param mediaType e.g. {@code application/pdf}
 */
public record NoticeAttachment(String fileName, String mediaType, byte[] content) {

    public NoticeAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return "NoticeAttachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
