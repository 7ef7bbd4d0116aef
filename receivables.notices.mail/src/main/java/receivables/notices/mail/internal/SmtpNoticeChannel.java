package receivables.notices.mail.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeAttachment;
import receivables.api.channel.NoticeChannel;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeMessage;

/**
 * The {@code email} notice channel: sends each notice over the tenant's SMTP server with Eclipse Angus Mail, as a
 * message with a plain-text and an HTML part and the notice's PDF attached, subject and file names encoded for
 * 简体中文 (RFC 2047, RFC 2231). What the server answers decides the outcome: a 5xx reply to the recipient or the
 * message is {@code REFUSED} (retrying cannot help), a 4xx reply, a server that cannot be reached, refused
 * credentials or missing settings are {@code FAILED_FOR_NOW} (the core tries again with the next run and flags the
 * notice after its attempts). Every attempt at one notice carries the same {@code Message-ID}, so that a receiving
 * server or a person can tell a retry from a second notice.
 */
@Component(service = NoticeChannel.class, property = NoticeChannel.ID + "=" + SmtpNoticeChannel.ID)
public class SmtpNoticeChannel implements NoticeChannel {

    static final String ID = "email";
    private static final Logger LOG = LoggerFactory.getLogger(SmtpNoticeChannel.class);
    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>@]+@[^\\s<>]+>?");
    private static final int MAX_DETAIL = 300;

    @Override
    public NoticeDelivery deliver(ChannelContext context, NoticeMessage message) {
        SmtpAccount account;
        try {
            account = SmtpAccount.of(context);
        } catch (IllegalArgumentException e) {
            return NoticeDelivery.failedForNow("e-mail is not configured for this tenant: " + e.getMessage());
        }
        InternetAddress to;
        try {
            if (message.address() == null || message.address().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new AddressException("control characters");
            }
            to = new InternetAddress(message.address(), true);
        } catch (AddressException e) {
            return NoticeDelivery.refused("the customer's e-mail address is not valid");
        }
        // Jakarta Mail finds its providers and stream provider through the context class loader; in OSGi that must
        // be the loader of the bundle that holds them (Angus Mail's).
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(account.properties());
            MimeMessage mime = compose(session, account, to, message);
            try (Transport transport = session.getTransport(account.protocol())) {
                transport.connect(account.host(), account.port(), account.user().isEmpty() ? null : account.user(),
                        account.user().isEmpty() ? null : account.password());
                transport.sendMessage(mime, new Address[] { to });
                String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "accepted";
                return NoticeDelivery.delivered(detail(reply));
            }
        } catch (MessagingException e) {
            NoticeDelivery failure = failure(e);
            LOG.info("Notice {} of tenant {} was not delivered ({}): {}", message.noticeId(), context.tenant().value(),
                    failure.outcome(), failure.detail());
            return failure;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static MimeMessage compose(Session session, SmtpAccount account, InternetAddress to, NoticeMessage message)
            throws MessagingException {
        String messageId = "<" + message.noticeId() + ".notice@receivables>";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(account.from());
        mime.setRecipient(MimeMessage.RecipientType.TO, to);
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        mime.setHeader("Content-Language", message.language());

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        if (message.htmlBody() != null && !message.htmlBody().isEmpty()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (NoticeAttachment attachment : message.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.mediaType())));
            part.setFileName(attachment.fileName());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        mime.setContent(mixed);
        mime.saveChanges();
        return mime;
    }

    /** What a failure means for the notice, from the SMTP reply code where the server gave one. */
    static NoticeDelivery failure(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException refused) {
                return byCode(refused.getReturnCode(), "the recipient was refused: ", refused.getMessage());
            }
            if (cause instanceof SMTPSendFailedException refused) {
                return byCode(refused.getReturnCode(), "the message was refused: ", refused.getMessage());
            }
        }
        if (e instanceof AuthenticationFailedException) {
            return NoticeDelivery.failedForNow("the SMTP server refused the credentials: " + detail(e.getMessage()));
        }
        if (e instanceof SendFailedException) {
            return NoticeDelivery.failedForNow("the SMTP server did not take the message: " + detail(e.getMessage()));
        }
        Throwable io = e;
        while (io != null && !(io instanceof IOException)) {
            io = io.getCause();
        }
        if (io != null) {
            return NoticeDelivery.failedForNow("the SMTP server cannot be reached: " + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : " " + detail(io.getMessage())));
        }
        return NoticeDelivery.failedForNow("sending failed: " + detail(e.getMessage()));
    }

    private static NoticeDelivery byCode(int code, String what, String reply) {
        String detail = what + detail(reply);
        return code >= 500 && code < 600 ? NoticeDelivery.refused(detail) : NoticeDelivery.failedForNow(detail);
    }

    /** A server's reply for people to read: one line, short, without the e-mail addresses servers like to quote. */
    static String detail(String reply) {
        if (reply == null) {
            return "";
        }
        String line = ADDRESS.matcher(reply.replaceAll("\\s+", " ").strip()).replaceAll("<address>");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }
}
