package receivables.api.channel;

import java.util.UUID;

import receivables.api.TenantId;

/**
 * A notice ready to go out.
 *
 * @param noticeId  the same for every attempt at the same notice, so that a channel can recognise a retry
 * @param recipient the customer's name
 * @param address   where the channel sends it: an e-mail address, a phone number
 * @param language  {@code zh-CN} or {@code en}
 */
public record NoticeMessage(TenantId tenant, UUID noticeId, String recipient, String address, String language,
        String subject, String body) {

    @Override
    public String toString() {
        return "NoticeMessage[tenant=" + tenant + ", noticeId=" + noticeId + ", address withheld]";
    }
}
