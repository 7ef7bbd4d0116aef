package receivables.impl.intent.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.provider.ProviderFailure;
import receivables.api.provider.RejectedNotification;

/**
 * The boundary between the core and provider code: every call runs on a thread of its own and is given up
 * (and interrupted) after the configured timeout, and whatever a provider throws comes back as a
 * {@link ProviderFailure} or a {@link RejectedNotification}, never as an exception that reaches a REST caller.
 */
@Component(service = ProviderCalls.class, configurationPid = IntentsConfiguration.PID)
public class ProviderCalls {

    /** Calls that may run at once; more wait for none and count as the channel being unavailable. */
    static final int MOST_AT_ONCE = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

    private final ThreadPoolExecutor threads;
    private volatile Duration timeout;

    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    @Activate
    public ProviderCalls(IntentsConfiguration config) {
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, MOST_AT_ONCE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "receivables-provider-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        configure(config);
    }

    @Modified
    void configure(IntentsConfiguration config) {
        if (config.providerCallTimeoutMillis() <= 0) {
            throw new IllegalArgumentException("providerCallTimeoutMillis must be positive");
        }
        this.timeout = Duration.ofMillis(config.providerCallTimeoutMillis());
    }

    @Deactivate
    void stop() {
        threads.shutdownNow();
    }

    /**
     * Runs {@code start}, {@code query}, a refund or a cancel. No answer in time, and any exception other than a
     * {@link ProviderFailure}, are failures of unknown outcome: the call may have reached the channel.
     */
    <T> T call(String provider, String operation, Call<T> call) throws ProviderFailure {
        try {
            return run(call);
        } catch (ProviderFailure failure) {
            throw failure;
        } catch (TimeoutException e) {
            throw new ProviderFailure(ProviderFailure.Kind.UNKNOWN_OUTCOME, operation + " at " + provider
                    + " gave no answer within " + timeout.toMillis() + " ms");
        } catch (RejectedExecutionException e) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "more than " + MOST_AT_ONCE
                    + " provider calls at once; " + operation + " at " + provider + " was not made");
        } catch (Exception unexpected) {
            LOG.warn("{} at provider {} failed unexpectedly", operation, provider, unexpected);
            throw new ProviderFailure(ProviderFailure.Kind.UNKNOWN_OUTCOME, operation + " at " + provider
                    + " failed unexpectedly: " + unexpected.getClass().getName(), unexpected);
        }
    }

    /** Runs {@code verify}. No answer in time, and any exception other than a rejection, reject it as malformed. */
    <T> T verify(String provider, Call<T> call) throws RejectedNotification {
        try {
            return run(call);
        } catch (RejectedNotification rejected) {
            throw rejected;
        } catch (TimeoutException e) {
            throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "provider " + provider
                    + " did not verify it within " + timeout.toMillis() + " ms");
        } catch (RejectedExecutionException e) {
            throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "more than " + MOST_AT_ONCE
                    + " provider calls at once; send it again later");
        } catch (Exception unexpected) {
            LOG.warn("Provider {} failed unexpectedly verifying a notification", provider, unexpected);
            throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "provider " + provider
                    + " could not read it (" + unexpected.getClass().getName() + ")");
        }
    }

    private <T> T run(Call<T> call) throws Exception {
        Callable<T> task = call::call;
        Future<T> future = threads.submit(task);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError error) {
                throw error;
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
