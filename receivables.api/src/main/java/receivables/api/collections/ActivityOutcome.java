package receivables.api.collections;

/** What came of a contact; the database stores the name, so none is renamed. */
public enum ActivityOutcome {
    REACHED,
    NO_ANSWER,
    LEFT_MESSAGE,
    PROMISED_TO_PAY,
    DISPUTED,
    REFUSED_TO_PAY,
    WRONG_CONTACT
}
