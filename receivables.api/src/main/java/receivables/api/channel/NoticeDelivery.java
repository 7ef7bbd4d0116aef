package receivables.api.channel;

/**
 * What became of one delivery attempt.
 *
 * @param detail what the channel's server said, for people to read; no personal data
 */
public record NoticeDelivery(Outcome outcome, String detail) {

    public enum Outcome {
        /** Accepted for the recipient. */
        DELIVERED,
        /** Refused for good, e.g. the recipient does not exist: retrying will not help. */
        REFUSED,
        /** Failed for now, e.g. the server could not be reached: retried later. */
        FAILED_FOR_NOW
    }

    public static NoticeDelivery delivered(String detail) {
        return new NoticeDelivery(Outcome.DELIVERED, detail);
    }

    public static NoticeDelivery refused(String detail) {
        return new NoticeDelivery(Outcome.REFUSED, detail);
    }

    public static NoticeDelivery failedForNow(String detail) {
        return new NoticeDelivery(Outcome.FAILED_FOR_NOW, detail);
    }
}
