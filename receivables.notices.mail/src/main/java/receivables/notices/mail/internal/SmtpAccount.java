package receivables.notices.mail.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import receivables.api.channel.ChannelContext;

/**
 * A tenant's SMTP settings, read from its {@code receivables.channel.account} for the channel {@code email}:
 * {@code host}, {@code port}, {@code security} ({@code STARTTLS}, {@code SSL} or {@code NONE}), {@code user},
 * {@code from}, {@code fromName}, {@code connectTimeoutMillis}, {@code timeoutMillis}, and the secret
 * {@code password}. {@link #toString()} never shows the password.
 */
record SmtpAccount(String host, int port, Security security, String user, String password, InternetAddress from,
        int connectTimeoutMillis, int timeoutMillis) {

    enum Security {
        /** Plain SMTP upgraded with STARTTLS, which is required: no credentials or notice ever travel in clear. */
        STARTTLS,
        /** SMTP over TLS from the first byte (SMTPS, usually port 465). */
        SSL,
        /** No TLS at all: only for a relay on the same host or network. */
        NONE
    }

    static final Set<String> KEYS = Set.of("host", "port", "security", "user", "password", "from", "fromName",
            "connectTimeoutMillis", "timeoutMillis");

    /**
     * The settings, typed and checked.
     *
     * @throws IllegalArgumentException naming the key at fault, never its value
     */
    static SmtpAccount of(ChannelContext context) {
        if (context.settings().isEmpty()) {
            throw new IllegalArgumentException("the tenant has no receivables.channel.account for channel email");
        }
        String host = context.text("host", null);
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            throw new IllegalArgumentException("setting host is missing or not a host name");
        }
        Security security;
        try {
            security = Security.valueOf(context.text("security", "STARTTLS").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting security must be STARTTLS, SSL or NONE");
        }
        int port = context.number("port", security == Security.SSL ? 465 : 587, 1, 65_535);
        String user = context.text("user", "");
        String password = context.settings().getOrDefault("password", "");
        if (!user.isEmpty() && password.isEmpty()) {
            throw new IllegalArgumentException("secret password is missing for user " + user);
        }
        InternetAddress from;
        try {
            from = new InternetAddress(context.text("from", ""), true);
            String name = context.text("fromName", "");
            if (!name.isEmpty()) {
                from.setPersonal(name, StandardCharsets.UTF_8.name());
            }
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("setting from is missing or not an e-mail address");
        }
        return new SmtpAccount(host, port, security, user, password, from,
                context.number("connectTimeoutMillis", 10_000, 100, 600_000),
                context.number("timeoutMillis", 30_000, 100, 600_000));
    }

    /** The Jakarta Mail session properties: timeouts always, TLS as configured and with the server's name checked. */
    Properties properties() {
        String protocol = protocol();
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".host", host);
        properties.setProperty("mail." + protocol + ".port", String.valueOf(port));
        properties.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(connectTimeoutMillis));
        properties.setProperty("mail." + protocol + ".timeout", String.valueOf(timeoutMillis));
        properties.setProperty("mail." + protocol + ".writetimeout", String.valueOf(timeoutMillis));
        properties.setProperty("mail." + protocol + ".auth", String.valueOf(!user.isEmpty()));
        properties.setProperty("mail." + protocol + ".from", from.getAddress());
        if (security == Security.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        if (security != Security.NONE) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return properties;
    }

    String protocol() {
        return security == Security.SSL ? "smtps" : "smtp";
    }

    @Override
    public String toString() {
        return "SmtpAccount[" + security + " " + host + ":" + port + ", user " + (user.isEmpty() ? "none" : user)
                + ", password withheld]";
    }
}
