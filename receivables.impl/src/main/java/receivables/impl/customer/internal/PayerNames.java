package receivables.impl.customer.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a payer's name on a statement with a customer's name: case, accents, punctuation, word order
 * and legal forms do not count, so {@code MUSTERMANN, MAX} is {@code Max Mustermann} and {@code ACME GMBH}
 * is {@code Acme GmbH.} A customer's canonical name is kept beside its name ({@code customer_account.name_key}),
 * so that a statement import finds the customers a payer's name names by index.
 */
public final class PayerNames {

    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "ug", "ev", "eg", "mbh", "co",
            "ltd", "limited", "inc", "llc", "llp", "plc", "corp", "sa", "sas", "sarl", "sl", "srl", "spa", "bv", "nv",
            "oy", "ab", "as", "aps", "kft", "sro", "zoo", "the", "and", "und", "et");

    private PayerNames() {
    }

    /** The words that identify the name, in a canonical order; empty when none is left. */
    public static String canonical(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("&", " ").replaceAll("[.'’]", "");
        TreeSet<String> words = new TreeSet<>(Arrays.asList(plain.split("[^\\p{L}\\p{N}]+")));
        words.removeIf(word -> word.isEmpty() || LEGAL_FORMS.contains(word));
        return String.join(" ", words);
    }
}
