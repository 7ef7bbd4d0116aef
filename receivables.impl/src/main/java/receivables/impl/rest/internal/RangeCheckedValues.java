package receivables.impl.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import receivables.impl.validation.internal.ValueRanges;

/**
 * Every text, decimal and day read from a JSON body passes {@link ValueRanges}, wherever it sits in whichever
 * body; a value out of range is refused naming its field, before any resource sees it. Decimals come as JSON
 * numbers or as decimal strings ({@code 1000.00} or {@code "1000.00"}).
 */
final class RangeCheckedValues extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** A value refused by its range; the message says why, the path says where. */
    static final class OutOfRange extends JsonMappingException {

        private static final long serialVersionUID = 1L;

        OutOfRange(JsonParser parser, String problem) {
            super(parser, problem);
        }

        /** What is wrong with the value, without the location Jackson appends to its messages. */
        String problem() {
            return getOriginalMessage();
        }
    }

    RangeCheckedValues() {
        super("receivables.value-ranges");
        addDeserializer(String.class, checked(String.class, StringDeserializer.instance, ValueRanges::textProblem));
        addDeserializer(LocalDate.class, checked(LocalDate.class, LocalDateDeserializer.INSTANCE, ValueRanges::dateProblem));
        addDeserializer(BigDecimal.class, checked(BigDecimal.class, new Decimal(), ValueRanges::decimalProblem));
        addDeserializer(Integer.class, whole(Integer.class, new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
        addDeserializer(int.class, whole(int.class, new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0)));
        addDeserializer(Long.class, whole(Long.class, new NumberDeserializers.LongDeserializer(Long.class, null)));
        addDeserializer(long.class, whole(long.class, new NumberDeserializers.LongDeserializer(Long.TYPE, 0L)));
    }

    /**
     * A whole number read by Jackson's own {@code reader}, except that one too large for {@code type} is refused
     * naming its field; the parser would call it malformed JSON, without saying where.
     */
    private static <T> JsonDeserializer<T> whole(Class<T> type, JsonDeserializer<T> reader) {
        boolean isInt = type == Integer.class || type == int.class;
        return new StdScalarDeserializer<T>(type) {

            private static final long serialVersionUID = 1L;

            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    JsonParser.NumberType size = parser.getNumberType();
                    if (size == JsonParser.NumberType.BIG_INTEGER || isInt && size == JsonParser.NumberType.LONG) {
                        throw new OutOfRange(parser, "must be a whole number from " + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)
                                + " to " + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE));
                    }
                }
                return reader.deserialize(parser, context);
            }

            @Override
            public T getNullValue(DeserializationContext context) throws JsonMappingException {
                return reader.getNullValue(context);
            }
        };
    }

    private static <T> JsonDeserializer<T> checked(Class<T> type, JsonDeserializer<T> reader, Function<T, String> range) {
        return new StdScalarDeserializer<T>(type) {

            private static final long serialVersionUID = 1L;

            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                T value = reader.deserialize(parser, context);
                String problem = range.apply(value);
                if (problem != null) {
                    throw new OutOfRange(parser, problem);
                }
                return value;
            }
        };
    }

    /** A decimal from a JSON number or a decimal string, never through a double. */
    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        private static final long serialVersionUID = 1L;
        /** As long as Jackson lets a JSON number be; parsing longer text costs time for nothing. */
        private static final int MAX_DIGITS = 1000;

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getDecimalValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText().trim();
                if (text.length() > MAX_DIGITS) {
                    throw new OutOfRange(parser, "must be a decimal number such as 1000.00");
                }
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new OutOfRange(parser, "must be a decimal number such as 1000.00");
                }
            }
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
    }
}
