package receivables.impl.console.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import receivables.api.ConflictException;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;

/**
 * What every {@code receivables:} Gogo command shares: its arguments are checked the same way, and an argument that
 * cannot be used, or a request the ledger refuses, answers one sentence on the console instead of an exception and
 * its stack trace.
 */
public final class AdminCommands {

    private static final long POLL_MILLIS = 200;

    private AdminCommands() {
    }

    /** An argument that cannot be used; the message says why, in a form to print on the console. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** What {@code command} prints, or the sentence that says why it could not be done. */
    public static String answer(String command, Supplier<String> work) {
        try {
            return work.get();
        } catch (Refused | InvalidRequestException | NotFoundException | ConflictException refused) {
            return "receivables:" + command + ": " + refused.getMessage();
        }
    }

    /** The tenant {@code text} names, which must be one of {@code configured}. */
    public static TenantId tenant(String text, Collection<TenantId> configured) {
        if (!TenantId.isValid(text)) {
            throw new Refused("not a tenant id: '" + text + "' (lower-case letters, digits, '-' and '_')");
        }
        TenantId tenant = new TenantId(text);
        if (!configured.contains(tenant)) {
            throw new Refused("no tenant '" + text + "' is configured (receivables:tenants lists them)");
        }
        return tenant;
    }

    /** The day {@code text} names, as {@code 2026-01-31}. */
    public static LocalDate day(String name, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new Refused(name + " is not a day like 2026-01-31: '" + text + "'");
        }
    }

    /** Whole numbers separated by commas, ascending and above zero, as {@code 30,60,90}. */
    public static List<Integer> ascendingDays(String name, String text) {
        try {
            List<Integer> days = Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
            for (int i = 0; i < days.size(); i++) {
                if (days.get(i) < 1 || i > 0 && days.get(i) <= days.get(i - 1)) {
                    throw new Refused(name + " must be ascending days above zero, like 30,60,90: '" + text + "'");
                }
            }
            return days;
        } catch (NumberFormatException e) {
            throw new Refused(name + " must be whole numbers separated by commas, like 30,60,90: '" + text + "'");
        }
    }

    /** A value that must be given and not blank. */
    public static String required(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new Refused(name + " is required");
        }
        return text;
    }

    /** A file of the host's file system that can be read, by its absolute, normalised path. */
    public static Path readableFile(String file) {
        Path path;
        try {
            path = Path.of(required("the file", file)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Refused("not a file name: '" + file + "'");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new Refused("no readable file " + path);
        }
        return path;
    }

    /**
     * A background run once it is over, or as it stands when {@code patience} runs out, read again every 200 ms
     * while {@code running} says it runs.
     */
    public static <T> T awaited(T started, Predicate<T> running, Supplier<Optional<T>> current, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T now = started;
        while (running.test(now) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = current.get().orElse(now);
        }
        return now;
    }
}
