package receivables.notices.mail.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An SMTP server on the loopback address that answers each {@code RCPT TO} as the test scripts it (e.g.
 * {@code 550 5.1.1 <x@y> user unknown} or {@code 451 4.3.0 try later}) and keeps the messages it accepted. GreenMail
 * takes every recipient; this is how tests meet a server that refuses one. It speaks plain SMTP without STARTTLS.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Function<String, String> recipientReply;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** @param recipientReply the reply line to {@code RCPT TO} for each recipient address */
    public ScriptedSmtpServer(Function<String, String> recipientReply) {
        try {
            this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.recipientReply = recipientReply;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The messages taken with {@code 250} after {@code DATA}, as sent. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                converse(client);
            } catch (IOException closedOrBroken) {
                // The next connection, or the end once the socket is closed.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted.test ESMTP");
        boolean recipient = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 scripted.test");
            } else if (command.startsWith("MAIL FROM")) {
                recipient = false;
                reply(out, "250 2.1.0 ok");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                String answer = recipientReply.apply(address);
                recipient |= answer.startsWith("2");
                reply(out, answer);
            } else if (command.equals("DATA")) {
                if (!recipient) {
                    reply(out, "554 5.5.1 no valid recipients");
                    continue;
                }
                reply(out, "354 end with <CRLF>.<CRLF>");
                StringBuilder message = new StringBuilder();
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                }
                accepted.add(message.toString());
                reply(out, "250 2.0.0 queued");
            } else if (command.equals("RSET") || command.equals("NOOP")) {
                reply(out, "250 2.0.0 ok");
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
