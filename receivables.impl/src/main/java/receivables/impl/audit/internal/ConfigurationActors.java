package receivables.impl.audit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who is changing a configuration through the API. ConfigAdmin reports a change later, on its own thread, and does
 * not say who made it; a service that changes a tenant's settings or a provider account on a caller's behalf names
 * the configuration here first, and {@link ConfigurationAudit} records that caller as the change's actor. A change
 * nobody named (a file in {@code etc/}, the web console) stays {@code system:configuration}.
 */
@Component(service = ConfigurationActors.class)
public class ConfigurationActors {

    /** Longer than ConfigAdmin takes to report a change; a named change it never reported is forgotten after it. */
    private static final Duration REPORTED_WITHIN = Duration.ofMinutes(1);

    private final CallerScope callers;
    private final Map<String, Named> named = new ConcurrentHashMap<>();

    private record Named(CallerContext caller, long atNanos) {
    }

    @Activate
    public ConfigurationActors(@Reference CallerScope callers) {
        this.callers = callers;
    }

    /** The caller of the request this thread serves is about to change or delete the configuration {@code pid}. */
    public void changing(String pid) {
        CallerContext caller = callers.current();
        if (caller != CallerContext.BACKGROUND) {
            named.put(pid, new Named(caller, System.nanoTime()));
        }
    }

    /** Who made the change to {@code pid} that ConfigAdmin reports now, if a caller named it lately. */
    Optional<CallerContext> claim(String pid) {
        Named change = named.remove(pid);
        return change == null || System.nanoTime() - change.atNanos() > REPORTED_WITHIN.toNanos() ? Optional.empty()
                : Optional.of(change.caller());
    }
}
