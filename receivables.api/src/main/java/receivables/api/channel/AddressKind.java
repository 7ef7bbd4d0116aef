package receivables.api.channel;

/**
 * The kind of customer address a channel sends to; the core hands each channel the customer's address of the kind
 * it declares ({@link NoticeChannel#address()}), so that it never needs to know the channels by name.
 */
public enum AddressKind {
    /** The customer's e-mail address, as entered. */
    EMAIL,
    /** The customer's phone number, as entered (the channel checks and normalises it). */
    PHONE,
    /**
     * The customer's billing address as lines to print on an envelope, separated by {@code \n}: the customer's name,
     * the address lines, postal code with city, region, country; empty lines left out.
     */
    POSTAL
}
