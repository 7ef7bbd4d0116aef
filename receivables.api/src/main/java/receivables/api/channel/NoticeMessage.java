package receivables.api.channel;

import java.util.List;
import java.util.UUID;

import receivables.api.TenantId;

/**
 * A notice ready to go out, rendered from the tenant's template for its level and language.
 *
 * @param noticeId    the same for every attempt at the same notice, so that a channel can recognise a retry
 * @param recipient   the customer's name
 * @param address     where the channel sends it: the customer's address of the kind the channel declares (an e-mail
 *                    address, a phone number, postal lines)
 * @param language    {@code zh-CN} or {@code en}
 * @param body        the notice as plain text
 * @param htmlBody    the same notice as an HTML document, every value in it escaped; for channels that show HTML
 * @param attachments what goes with it: the notice as a PDF
 */
public record NoticeMessage(TenantId tenant, UUID noticeId, String recipient, String address, String language,
        String subject, String body, String htmlBody, List<NoticeAttachment> attachments) {

    public NoticeMessage {
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "NoticeMessage[tenant=" + tenant + ", noticeId=" + noticeId + ", address withheld]";
    }
}
