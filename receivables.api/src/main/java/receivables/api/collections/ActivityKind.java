package receivables.api.collections;

/** How a collector was in touch with a customer; the database stores the name, so none is renamed. */
public enum ActivityKind {
    CALL,
    EMAIL,
    VISIT,
    LETTER,
    /** A note without contact, e.g. what was found out. */
    NOTE
}
