package receivables.api.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers rendered notices over one channel. Registered as a service with the property {@value #ID} naming the
 * channel (e.g. {@code email}); dunning policies name the channel their notices go by.
 *
 * <p>A channel only speaks its protocol: the core owns policies, runs, templates, the notice's PDF and the record
 * of every delivery, and hands the channel the tenant's settings with each call. It must not throw: every failure
 * is a {@link NoticeDelivery} with a status; the core records an exception that escapes anyway as a passing
 * failure.
 */
@ConsumerType
public interface NoticeChannel {

    /** The service property naming the channel. */
    String ID = "receivables.channel";

    /** Sends the notice with the tenant's settings for this channel and says what became of it. */
    NoticeDelivery deliver(ChannelContext context, NoticeMessage message);
}
