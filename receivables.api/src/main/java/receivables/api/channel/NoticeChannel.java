package receivables.api.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers rendered notices over one channel. Registered as a service with the property {@value #ID} naming the
 * channel (e.g. {@code email}); dunning policies name the channel their notices go by.
 *
 * <p>A channel only speaks its protocol: the core owns policies, runs, texts and the record of every delivery.
 * It must not throw: every failure is a {@link NoticeDelivery} with a status; the core records an exception that
 * escapes anyway as a passing failure.
 */
@ConsumerType
public interface NoticeChannel {

    /** The service property naming the channel. */
    String ID = "receivables.channel";

    /** Sends the notice and says what became of it. */
    NoticeDelivery deliver(NoticeMessage message);
}
