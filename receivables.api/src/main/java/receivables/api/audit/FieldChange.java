package receivables.api.audit;

/**
 * One field of an audited change. Personal data is never copied into the trail: its values read
 * {@link #WITHHELD}, so that erasing a customer's personal data leaves nothing behind here.
 *
 * @param field  the field's name
 * @param before its value before the change; {@code null} when it had none or the thing was created
 * @param after  its value after the change; {@code null} when it has none or the thing was deleted
 */
public record FieldChange(String field, String before, String after) {

    public static final String WITHHELD = "(personal data)";
}
