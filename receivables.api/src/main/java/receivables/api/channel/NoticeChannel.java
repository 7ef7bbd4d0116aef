package receivables.api.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers rendered notices over one channel. Registered as a service with the property {@value #ID} naming the
 * channel (e.g. {@code email}); dunning policies name the channel their notices go by.
 *
 * <p>A channel declares the kind of customer address it sends to ({@link #address()}); the core looks that address up
 * and hands it over in {@link NoticeMessage#address()}, and records a notice whose customer has no such address as
 * unreachable without calling the channel.
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

    /**
     * The kind of address the channel sends to. The default, e-mail, is what every channel written against version
     * 2.0 of this package was handed; a channel for phones or letters says so.
     *
     * @since 2.1
     */
    default AddressKind address() {
        return AddressKind.EMAIL;
    }

    /** Sends the notice with the tenant's settings for this channel and says what became of it. */
    NoticeDelivery deliver(ChannelContext context, NoticeMessage message);
}
