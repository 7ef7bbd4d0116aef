package receivables.impl.collections.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.channel.AddressKind;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeAttachment;
import receivables.api.channel.NoticeChannel;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeMessage;
import receivables.api.collections.Letter;
import receivables.api.collections.PrintQueue;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;

/**
 * The {@code letter} notice channel and its print queue: delivering a notice puts its PDF (the notice and the
 * customer's statement) in the queue with the customer's postal address; people print and post it, then mark it
 * printed. Delivered twice, a notice stays one letter. The channel needs no account: it stores what it is handed.
 */
@Component(service = { NoticeChannel.class, PrintQueue.class },
        property = NoticeChannel.ID + "=" + StoredPrintQueue.ID)
public class StoredPrintQueue implements NoticeChannel, PrintQueue {

    static final String ID = "letter";
    static final int MAX_ADDRESS = 2000;
    private static final String PDF = "application/pdf";
    private static final String LETTER = "select l.notice_id, n.customer_id, n.run_date, l.address, l.language,"
            + " l.queued_at, l.printed_at, l.printed_by from notice_letter l join dunning_notice n"
            + " on n.tenant_id = l.tenant_id and n.id = l.notice_id where l.tenant_id = :tenant";

    private final Database database;
    private final Clock clock;

    @Activate
    public StoredPrintQueue(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    StoredPrintQueue(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public AddressKind address() {
        return AddressKind.POSTAL;
    }

    @Override
    public NoticeDelivery deliver(ChannelContext context, NoticeMessage message) {
        Optional<NoticeAttachment> pdf = message.attachments().stream()
                .filter(attachment -> attachment.mediaType().equals(PDF)).findFirst();
        if (pdf.isEmpty()) {
            return NoticeDelivery.failedForNow("the notice has no PDF to print");
        }
        if (message.address().length() > MAX_ADDRESS) {
            return NoticeDelivery.refused("the customer's postal address is longer than " + MAX_ADDRESS + " characters");
        }
        boolean queued = database.inTransaction(message.tenant(), (session, tx) -> {
            if (find(session, message.tenant(), message.noticeId()).isPresent()) {
                return false;
            }
            session.createNativeMutationQuery("insert into notice_letter (tenant_id, notice_id, address, language, pdf,"
                            + " queued_at) values (:tenant, :notice, :address, :language, :pdf, :now)")
                    .setParameter("tenant", message.tenant().value()).setParameter("notice", message.noticeId())
                    .setParameter("address", message.address()).setParameter("language", message.language())
                    .setParameter("pdf", pdf.get().content()).setParameter("now", now()).executeUpdate();
            return true;
        });
        return NoticeDelivery.delivered(queued ? "queued for printing" : "in the print queue already");
    }

    @Override
    public List<Letter> awaiting(TenantId tenant) {
        return database.inTransaction(tenant, session -> NativeRow.stream(session.createNativeQuery(LETTER
                                + " and l.printed_at is null order by l.queued_at, l.notice_id", Tuple.class)
                        .setParameter("tenant", tenant.value()))
                .map(StoredPrintQueue::letter).toList());
    }

    @Override
    public byte[] pdf(TenantId tenant, UUID noticeId) {
        return database.inTransaction(tenant, session -> session.createNativeQuery("select pdf from notice_letter"
                        + " where tenant_id = :tenant and notice_id = :notice", byte[].class)
                .setParameter("tenant", tenant.value()).setParameter("notice", noticeId).uniqueResultOptional()
                .orElseThrow(() -> new NotFoundException("letter", noticeId)));
    }

    @Override
    public Letter printed(TenantId tenant, UUID noticeId, String actor) {
        return database.inTransaction(tenant, (session, tx) -> {
            session.createNativeMutationQuery("update notice_letter set printed_at = :now, printed_by = :actor"
                            + " where tenant_id = :tenant and notice_id = :notice and printed_at is null")
                    .setParameter("now", now()).setParameter("actor", actor).setParameter("tenant", tenant.value())
                    .setParameter("notice", noticeId).executeUpdate();
            return find(session, tenant, noticeId).orElseThrow(() -> new NotFoundException("letter", noticeId));
        });
    }

    private static Optional<Letter> find(Session session, TenantId tenant, UUID noticeId) {
        return NativeRow.list(session.createNativeQuery(LETTER + " and l.notice_id = :notice", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("notice", noticeId)).stream()
                .map(StoredPrintQueue::letter).findFirst();
    }

    private static Letter letter(NativeRow row) {
        return new Letter(row.uuid("notice_id"), row.uuid("customer_id"), row.date("run_date"), row.text("address"),
                row.text("language"), row.instant("queued_at"), row.isNull("printed_at") ? null
                        : row.instant("printed_at"), row.text("printed_by"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
