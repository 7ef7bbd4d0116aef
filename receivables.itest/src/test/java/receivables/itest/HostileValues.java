package receivables.itest;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import receivables.itest.RestEndpoints.Endpoint;
import receivables.itest.RestEndpoints.Slot;

/**
 * Requests for any endpoint, each slot (path, query, header, every field of the body, found by reflection over
 * its type) filled with a plausible value, so that requests get past the first check and reach the ledger, or
 * with a hostile one: huge and tiny numbers, exponents, NaN-like strings, NUL, lone surrogates, very long
 * strings, the wrong JSON type, days out of range, negative and huge pages.
 */
final class HostileValues {

    /** A request as sent: method, path with its query, headers, body. */
    record Call(String method, String pathAndQuery, Map<String, String> headers, String contentType, String body) {

        /** This call with the placeholders of {@link Known#PLACEHOLDERS} replaced by {@code known}'s ids. */
        Call withIds(Known known) {
            return new Call(method, known.resolve(pathAndQuery), headers, contentType, known.resolve(body));
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + ")" : body;
            String target = pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "…" : pathAndQuery;
            return method + " " + target + " " + headers.keySet() + (body == null ? "" : " " + contentType + " " + shown);
        }
    }

    /** Ids that exist in the host, so that hostile values meet real records. */
    record Known(List<String> ids, String customerId, String invoiceId, String paymentId, String allocationId) {

        /** Stand-ins for the ids while requests are generated, before it is known which host they go to. */
        static final Known PLACEHOLDERS = new Known(List.of("KNOWNCUSTOMER", "KNOWNINVOICE", "KNOWNPAYMENT",
                "KNOWNALLOCATION"), "KNOWNCUSTOMER", "KNOWNINVOICE", "KNOWNPAYMENT", "KNOWNALLOCATION");

        String resolve(String text) {
            if (text == null) {
                return null;
            }
            String resolved = text;
            for (int i = 0; i < ids.size(); i++) {
                resolved = resolved.replace(PLACEHOLDERS.ids().get(i), ids.get(i));
            }
            return resolved;
        }
    }

    private static final String LONG_TEXT = "x".repeat(70_000);
    private static final List<String> HOSTILE_NUMBERS = List.of("1e15", "1000000000000000", "-1000000000000000",
            "999999999999999.99995", "1e999999999", "-1e999999999", "1e-999999999", "0.00000000001", "-0.0", "0", "-1",
            "99999999999999999999999999999999999999", "2147483648", "9223372036854775808", "-2147483649",
            "\"1e999999999\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1,000.00\"", "\"\"", "\" \"", "\"0x1F\"",
            "\"" + "9".repeat(2000) + "\"", "1" + "0".repeat(900));
    private static final List<String> HOSTILE_TEXTS = List.of("\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\u0000",
            LONG_TEXT, "", " ", "' OR 1=1 --", "\"); drop table invoice; --", "<script>alert(1)</script>", "%00", "%s%n",
            "../../../../etc/passwd", "\u202eRTL", "\ufeff", "\uffff", "\ud83d\udcb6", "\r\n\t", "null", "EUR\u0000",
            "XXX", "eur", "1e999999999", "2147483647");
    private static final List<String> HOSTILE_DAYS = List.of("\"+10000-01-01\"", "\"-0001-01-01\"", "\"0000-12-31\"",
            "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"\"", "\"20260101\"",
            "\"9999-12-31\"", "\"0001-01-01\"", "20260101");
    private static final List<String> WRONG_TYPES = List.of("[]", "{}", "true", "\"text\"", "12", "-1.5", "null",
            "[[[[[[[[[[1]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":[1,2,3]}}}");
    /** Raw query and path values, percent-encoded as sent: NUL, invalid UTF-8 and encoded surrogates included. */
    private static final List<String> HOSTILE_PARAMETERS = List.of("%00", "a%00b", "%ED%A0%80", "%ED%B0%80x", "%FF%FE",
            "%C0%80", "2147483647", "2147483648", "-1", "-2147483648", "99999999999999999999", "1e999999999",
            "-1e999999999", "1e-999999999", "NaN", "Infinity", "%2B10000-01-01", "-0001-01-01", "0000-01-01",
            "9999-12-31", "", "%20", "%25", ",,,", "1,a,-5,99999999999", "x".repeat(3000), "..", "%2E%2E",
            "%2F", "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "%F0%9F%92%B6", "XXX");
    private static final List<String> HOSTILE_HEADERS = List.of("k".repeat(10_000), "", " ", "*", "\"1\"", "W/\"x\"",
            "99999999999999999999", "-1", "\"\"", "W/", "%00", "é");

    private HostileValues() {
    }

    /** Any request to {@code endpoint}, with each slot plausible or hostile. */
    static Arbitrary<Call> calls(Endpoint endpoint, Known known) {
        List<Arbitrary<Tuple.Tuple2<Slot, String>>> slots = new ArrayList<>();
        for (Slot slot : endpoint.slots()) {
            slots.add(valueOf(slot, endpoint, known).map(value -> Tuple.of(slot, value)));
        }
        if (slots.isEmpty()) {
            return Arbitraries.just(assemble(endpoint, List.of()));
        }
        return Combinators.combine(slots).as(values -> assemble(endpoint, values));
    }

    private static Call assemble(Endpoint endpoint, List<Tuple.Tuple2<Slot, String>> values) {
        String path = endpoint.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        String body = null;
        for (Tuple.Tuple2<Slot, String> value : values) {
            Slot slot = value.get1();
            String given = value.get2();
            if (given == null) {
                continue;
            }
            switch (slot.kind()) {
                case PATH -> path = path.replace("{" + slot.name() + "}", given.isEmpty() ? "%20" : given);
                case QUERY -> query.append(query.length() == 0 ? '?' : '&').append(slot.name()).append('=').append(given);
                case HEADER -> headers.put(slot.name(), given);
                case BODY -> body = given;
            }
        }
        String contentType = endpoint.consumes().isEmpty() ? "application/json" : endpoint.consumes().get(0);
        return new Call(endpoint.httpMethod(), path + query, headers, contentType, body);
    }

    private static Arbitrary<String> valueOf(Slot slot, Endpoint endpoint, Known known) {
        return switch (slot.kind()) {
            case PATH -> Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(plausiblePath(slot.name(), known))),
                    Tuple.of(4, Arbitraries.of(HOSTILE_PARAMETERS)));
            case QUERY -> Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.of(plausibleQuery(slot.name(), known)).map(HostileValues::encode)),
                    Tuple.of(1, Arbitraries.of(HOSTILE_PARAMETERS))).injectNull(0.3);
            case HEADER -> Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.create(() -> "k-" + UUID.randomUUID())),
                    Tuple.of(3, Arbitraries.of(HOSTILE_HEADERS))).injectNull(0.1);
            case BODY -> body(slot.type(), endpoint, known);
        };
    }

    private static Arbitrary<String> body(Type type, Endpoint endpoint, Known known) {
        Class<?> raw = raw(type);
        if (raw == byte[].class || java.io.InputStream.class.isAssignableFrom(raw) || java.io.Reader.class.isAssignableFrom(raw)) {
            return Arbitraries.frequencyOf(
                    Tuple.of(2, Arbitraries.of(HOSTILE_TEXTS)),
                    Tuple.of(1, Arbitraries.strings().ofMaxLength(400)),
                    Tuple.of(1, Arbitraries.of(":20:X\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C200101EUR1000,00\n"
                            + ":61:2001010101C999999999999999999,99NTRFNONREF\n:62F:C200101EUR1000,00\n-",
                            "date,currency,rate\n+10000-01-01,USD,1.1\n2026-01-01,XXX,1e999999999\n2026-01-01,USD,\u0000",
                            "<?xml version=\"1.0\"?><Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"EUR\">1e999999999"
                                    + "</Amt></Ntry></Stmt></BkToCstmrStmt></Document>")));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(12, json(type, "body", known, 0)),
                Tuple.of(1, Arbitraries.of(WRONG_TYPES)),
                Tuple.of(1, Arbitraries.of("", "{", "{\"a\":", "\u0000", "{\"amount\":1e999999999}")));
    }

    /** JSON for {@code type}; the field's name picks the plausible values. */
    private static Arbitrary<String> json(Type type, String field, Known known, int depth) {
        Class<?> raw = raw(type);
        Arbitrary<String> plausible;
        Arbitrary<String> hostile;
        if (raw.isRecord() && depth < 4) {
            List<Arbitrary<String>> members = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                Arbitrary<String> member = json(component.getGenericType(), component.getName(), known, depth + 1)
                        .injectNull(0.1);
                members.add(member.map(value -> value == null ? null : quote(component.getName()) + ":" + value));
            }
            plausible = members.isEmpty() ? Arbitraries.just("{}") : Combinators.combine(members)
                    .as(values -> "{" + String.join(",", values.stream().filter(v -> v != null).toList()) + "}");
            hostile = Arbitraries.of(WRONG_TYPES);
        } else if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0]
                    : Object.class;
            plausible = json(element, field, known, depth + 1).list().ofMaxSize(3)
                    .map(values -> "[" + String.join(",", values) + "]");
            hostile = Arbitraries.of(WRONG_TYPES);
        } else if (raw == java.math.BigDecimal.class || raw == Double.class || raw == double.class) {
            plausible = Arbitraries.of("10.00", "1", "0.5", "\"100.00\"", "119.00", "19");
            hostile = Arbitraries.of(HOSTILE_NUMBERS);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                || raw == Short.class || raw == short.class) {
            plausible = Arbitraries.of("1", "2", "0", "30");
            hostile = Arbitraries.of(HOSTILE_NUMBERS);
        } else if (raw == Boolean.class || raw == boolean.class) {
            plausible = Arbitraries.of("true", "false");
            hostile = Arbitraries.of(WRONG_TYPES);
        } else if (raw == UUID.class) {
            plausible = Arbitraries.of(plausibleId(field, known)).map(HostileValues::quote);
            hostile = Arbitraries.of(HOSTILE_TEXTS).map(HostileValues::quote);
        } else if (raw == java.time.LocalDate.class) {
            plausible = Arbitraries.of("\"2026-03-01\"", "\"2026-03-20\"", "\"2025-12-31\"");
            hostile = Arbitraries.of(HOSTILE_DAYS);
        } else if (raw == java.time.Instant.class || raw == java.time.OffsetDateTime.class) {
            plausible = Arbitraries.just("\"2026-03-01T10:00:00Z\"");
            hostile = Arbitraries.of("\"+10000-01-01T00:00:00Z\"", "\"-1000000000-01-01T00:00:00Z\"", "\"x\"", "1e999999999");
        } else if (raw.isEnum()) {
            plausible = Arbitraries.of(raw.getEnumConstants()).map(constant -> quote(((Enum<?>) constant).name()));
            hostile = Arbitraries.of(HOSTILE_TEXTS).map(HostileValues::quote);
        } else if (raw == String.class) {
            plausible = Arbitraries.of(plausibleText(field, known)).map(HostileValues::quote);
            hostile = Arbitraries.of(HOSTILE_TEXTS).map(HostileValues::quote);
        } else if (Map.class.isAssignableFrom(raw)) {
            plausible = Arbitraries.of("{}", "{\"k\":\"v\"}");
            hostile = Arbitraries.of(WRONG_TYPES);
        } else {
            plausible = Arbitraries.of(WRONG_TYPES);
            hostile = Arbitraries.of(HOSTILE_TEXTS).map(HostileValues::quote);
        }
        return Arbitraries.frequencyOf(Tuple.of(6, plausible), Tuple.of(3, hostile), Tuple.of(1, Arbitraries.of(WRONG_TYPES)));
    }

    private static List<String> plausibleId(String field, Known known) {
        String name = field.toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        if (name.contains("customer")) {
            ids.add(known.customerId());
        } else if (name.contains("invoice")) {
            ids.add(known.invoiceId());
        } else if (name.contains("payment")) {
            ids.add(known.paymentId());
        }
        ids.addAll(known.ids());
        ids.add(UUID.randomUUID().toString());
        return ids;
    }

    private static List<String> plausiblePath(String name, Known known) {
        return switch (name) {
            case "code" -> List.of("NET30", "MY-TERMS", "net30");
            case "provider" -> List.of("wallet", "bank-transfer", "paylink", "unknown");
            case "allocationId" -> List.of(known.allocationId(), UUID.randomUUID().toString());
            default -> plausibleId(name, known);
        };
    }

    private static List<String> plausibleQuery(String name, Known known) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("page")) {
            return List.of("0", "1", "3");
        }
        if (lower.equals("size")) {
            return List.of("1", "10", "500");
        }
        if (lower.contains("currency")) {
            return List.of("EUR", "USD", "JPY");
        }
        if (lower.equals("asof") || lower.equals("from") || lower.equals("to") || lower.contains("due")
                || lower.contains("overdue") || lower.contains("date")) {
            return List.of("2026-03-01", "2026-12-31", "2025-01-01");
        }
        if (lower.endsWith("id")) {
            return plausibleId(name, known);
        }
        if (lower.equals("amount")) {
            return List.of("10.00", "0", "1");
        }
        if (lower.equals("buckets")) {
            return List.of("30,60,90", "15", "0,0");
        }
        if (lower.equals("status")) {
            return List.of("OPEN", "ISSUED", "PAID", "open");
        }
        return List.of("acme", "INV-2026-000001", known.paymentId(), "x");
    }

    private static List<String> plausibleText(String field, Known known) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("currency")) {
            return List.of("EUR", "USD", "JPY", "KWD");
        }
        if (name.equals("method")) {
            return List.of("BANK_TRANSFER", "CARD", "CASH");
        }
        if (name.equals("provider")) {
            return List.of("wallet", "bank-transfer");
        }
        if (name.contains("terms") || name.equals("notation") || name.equals("code")) {
            return List.of("NET30", "2%/10 NET30", "30%@0 70%@30");
        }
        if (name.contains("country")) {
            return List.of("DE", "FR");
        }
        if (name.contains("email")) {
            return List.of("ap@acme.example");
        }
        if (name.contains("orderid") || name.equals("number")) {
            return List.of("SO-" + UUID.randomUUID(), "C-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return List.of("Acme GmbH", "text", "BOX", "a reason");
    }

    /** A JSON string literal; every character outside printable ASCII escaped, so lone surrogates arrive as sent. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
