package receivables.api.money;

/**
 * Two amounts in different currencies met in one calculation.
 */
public class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CurrencyMismatchException(String expected, String actual) {
        super("amounts in " + expected + " and " + actual + " cannot be combined");
    }
}
