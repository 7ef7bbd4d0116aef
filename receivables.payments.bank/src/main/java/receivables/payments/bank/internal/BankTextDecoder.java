package receivables.payments.bank.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the lines of a text bank file whose code page nobody names. Valid UTF-8 is taken as UTF-8 (it is
 * almost never accidental); any other line is decoded with each single-byte code page banks use (Windows-1252
 * for Western Europe, IBM852 for the Central European banks' DOS exports) and the one that reads as more
 * letters wins, a tie going to the code page that won before in the file. A code page set for the account
 * replaces the guess. Control characters never come out: each becomes U+FFFD, and {@link #controls()} counts
 * them.
 */
final class BankTextDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset IBM852 = Charset.forName("IBM852");
    private static final List<Charset> GUESSES = List.of(WINDOWS_1252, IBM852);

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private Charset fixed;
    private Charset lastGuess = WINDOWS_1252;
    private Charset firstGuessedOtherThanDefault;
    private long controls;

    /** From now on decodes with {@code charset}, or guesses again when {@code null}. */
    void fix(Charset charset) {
        fixed = charset;
    }

    String decode(byte[] bytes, int offset, int length) {
        String text;
        if (fixed != null) {
            text = new String(bytes, offset, length, fixed);
        } else if (ascii(bytes, offset, length)) {
            text = new String(bytes, offset, length, StandardCharsets.US_ASCII);
        } else {
            text = guess(bytes, offset, length);
        }
        return withoutControls(text);
    }

    /** The code page guessed other than Windows-1252 for some line, or {@code null}. */
    Charset unusualGuess() {
        return firstGuessedOtherThanDefault;
    }

    /** How many control characters were replaced so far. */
    long controls() {
        return controls;
    }

    private String guess(byte[] bytes, int offset, int length) {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            String best = new String(bytes, offset, length, lastGuess);
            int bestScore = score(best);
            Charset winner = lastGuess;
            for (Charset candidate : GUESSES) {
                if (candidate.equals(lastGuess)) {
                    continue;
                }
                String text = new String(bytes, offset, length, candidate);
                int score = score(text);
                if (score > bestScore) {
                    best = text;
                    bestScore = score;
                    winner = candidate;
                }
            }
            lastGuess = winner;
            if (!winner.equals(WINDOWS_1252) && firstGuessedOtherThanDefault == null) {
                firstGuessedOtherThanDefault = winner;
            }
            return best;
        }
    }

    /** Non-ASCII letters count for a reading, anything else non-ASCII against it (box drawing, symbols, controls). */
    private static int score(String text) {
        int score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                score += Character.isLetter(c) ? 1 : Character.isISOControl(c) || c == '\uFFFD' ? -2 : -1;
            }
        }
        return score;
    }

    private String withoutControls(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
                clean.append(c == '\t' ? ' ' : '\uFFFD');
                if (c != '\t') {
                    controls++;
                }
            } else if (clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? text : clean.toString();
    }

    private static boolean ascii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
