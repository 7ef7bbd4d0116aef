package receivables.impl.audit.internal;

import org.osgi.service.component.annotations.Component;

/**
 * The caller of the request this thread is serving. The REST filters set it when a request arrives and clear it
 * when its response leaves; the audit trail reads it when a transaction commits. Jakarta REST serves each
 * request on one thread, and every unit of work runs on the thread that asked for it.
 */
@Component(service = CallerScope.class)
public class CallerScope {

    private final ThreadLocal<CallerContext> current = new ThreadLocal<>();

    public CallerContext current() {
        CallerContext context = current.get();
        return context == null ? CallerContext.BACKGROUND : context;
    }

    public void enter(CallerContext context) {
        current.set(context);
    }

    public void leave() {
        current.remove();
    }
}
