package receivables.api.collections;

/** Where a case goes when dunning letters no longer help; the database stores the name, so none is renamed. */
public enum CollectionStage {
    /** A collection agency takes the case over. */
    AGENCY,
    /** A lawyer or the courts take the case over. */
    LEGAL
}
