package receivables.api.audit;

/**
 * The outcome of checking a tenant's chain from its first record to its head.
 *
 * @param intact              whether every record is where and as it was written
 * @param recordsChecked      how many records were read before the verdict
 * @param firstBrokenSequence the first record that does not verify (or the first missing one); {@code null} when intact
 * @param problem             what is wrong with it; {@code null} when intact
 */
public record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenSequence, String problem) {

    public static ChainVerification intact(long recordsChecked) {
        return new ChainVerification(true, recordsChecked, null, null);
    }

    public static ChainVerification broken(long recordsChecked, long sequence, String problem) {
        return new ChainVerification(false, recordsChecked, sequence, problem);
    }
}
