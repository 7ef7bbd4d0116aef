package receivables.api.intent;

/** What to send back to the channel for a notification that was verified and stored. */
public record NotificationAnswer(String body, String contentType) {
}
