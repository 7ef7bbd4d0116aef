package receivables.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What every emulated remote service shares, for the tests of a bundle that calls one over HTTP (a payment gateway,
 * an SMS gateway): a JDK HTTP server on a free loopback port, a queue of misbehaviours of which each call takes the
 * next one, how long a slow answer takes, and the number of calls. A subclass answers the calls in its protocol.
 *
 * @param <M> the ways this service can be told to answer badly
 */
public abstract class LoopbackGateway<M extends Enum<M>> implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<M> misbehaviours = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration slowness = Duration.ofSeconds(5);

    /** Starts the server on a free loopback port, taking the calls under {@code path}. */
    protected LoopbackGateway(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, this::take);
        server.setExecutor(executor);
        server.start();
    }

    /** The next {@code count} calls misbehave this way (after any already queued). */
    public void misbehave(M misbehaviour, int count) {
        for (int i = 0; i < count; i++) {
            misbehaviours.add(misbehaviour);
        }
    }

    /** How long a slow answer takes ({@link #dawdle()}); five seconds unless told otherwise. */
    public void slowness(Duration delay) {
        this.slowness = delay;
    }

    /** Calls received, misbehaved and refused ones included. */
    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The address of {@code path} on this server. */
    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /**
     * Answers one call.
     *
     * @param misbehaviour the misbehaviour this call took from the queue, or {@code null} to answer well
     */
    protected abstract void answer(HttpExchange exchange, M misbehaviour) throws IOException, InterruptedException;

    /** Waits as long as a slow answer takes. */
    protected void dawdle() throws InterruptedException {
        Thread.sleep(slowness.toMillis());
    }

    /** Sends {@code body} as UTF-8 with this status and content type. */
    protected static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            answer(exchange, misbehaviours.poll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
