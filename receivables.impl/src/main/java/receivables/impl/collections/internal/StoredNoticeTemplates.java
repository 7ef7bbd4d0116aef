package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.NoticeItem;
import receivables.api.collections.NoticeTemplate;
import receivables.api.collections.NoticeTemplateRequest;
import receivables.api.collections.NoticeTemplates;
import receivables.api.collections.RenderedNotice;
import receivables.api.money.Money;
import receivables.impl.collections.internal.NoticeTexts.Addressee;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;

/** The tenant's notice templates and pay link in the database; the defaults where a tenant has written none. */
@Component(service = { NoticeTemplates.class, StoredNoticeTemplates.class })
public class StoredNoticeTemplates implements NoticeTemplates {

    static final int MAX_PAY_LINK = 1000;

    private final Database database;
    private final Clock clock;

    @Activate
    public StoredNoticeTemplates(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    StoredNoticeTemplates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<NoticeTemplate> list(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                "from NoticeTemplate t order by t.key", NoticeTemplateEntity.class).getResultStream()
                .map(NoticeTemplateEntity::toValue).toList());
    }

    @Override
    public NoticeTemplate find(TenantId tenant, String level, String language) {
        requireKey(level, language);
        return database.inTransaction(tenant, session -> inUse(session, level, language));
    }

    /** The tenant's template for the level and language, else the default. */
    NoticeTemplate inUse(Session session, String level, String language) {
        NoticeTemplateEntity stored = session.find(NoticeTemplateEntity.class, NoticeTemplateEntity.key(level, language));
        return stored == null ? NoticeTexts.defaultTemplate(level, language) : stored.toValue();
    }

    @Override
    public NoticeTemplate define(TenantId tenant, String level, String language, NoticeTemplateRequest request) {
        requireKey(level, language);
        NoticeTemplate template = checked(level, language, request);
        return database.inTransaction(tenant, (session, tx) -> {
            String key = NoticeTemplateEntity.key(level, language);
            NoticeTemplateEntity stored = session.find(NoticeTemplateEntity.class, key);
            if (stored == null) {
                stored = new NoticeTemplateEntity(key);
                stored.subject = template.subject();
                stored.body = template.body();
                stored.updatedAt = now();
                session.persist(stored);
            } else {
                stored.subject = template.subject();
                stored.body = template.body();
                stored.updatedAt = now();
            }
            return stored.toValue();
        });
    }

    @Override
    public void reset(TenantId tenant, String level, String language) {
        requireKey(level, language);
        database.inTransaction(tenant, (session, tx) -> {
            NoticeTemplateEntity stored = session.find(NoticeTemplateEntity.class, NoticeTemplateEntity.key(level, language));
            if (stored == null) {
                throw new NotFoundException("notice template", NoticeTemplateEntity.key(level, language));
            }
            session.remove(stored);
        });
    }

    @Override
    public RenderedNotice preview(TenantId tenant, String level, String language, NoticeTemplateRequest draft) {
        requireKey(level, language);
        return database.inTransaction(tenant, session -> {
            NoticeTemplate template = draft == null ? inUse(session, level, language) : checked(level, language, draft);
            return NoticeTexts.render(template, example(level, language), exampleCustomer(language),
                    payLink(session).orElse(null));
        });
    }

    @Override
    public Optional<String> payLink(TenantId tenant) {
        return database.inTransaction(tenant, session -> payLink(session));
    }

    Optional<String> payLink(Session session) {
        return NativeRow.list(session.createNativeQuery("select pattern from notice_pay_link where tenant_id = :tenant",
                        Tuple.class).setParameter("tenant", tenantOf(session))).stream().findFirst()
                .map(row -> row.text("pattern"));
    }

    @Override
    public Optional<String> payLink(TenantId tenant, String pattern) {
        if (pattern != null) {
            checkPayLink(pattern);
        }
        return database.inTransaction(tenant, (session, tx) -> {
            session.createNativeMutationQuery("delete from notice_pay_link where tenant_id = :tenant")
                    .setParameter("tenant", tenant.value()).executeUpdate();
            if (pattern != null) {
                session.createNativeMutationQuery("insert into notice_pay_link (tenant_id, pattern) values (:tenant, :pattern)")
                        .setParameter("tenant", tenant.value()).setParameter("pattern", pattern.strip()).executeUpdate();
            }
            return Optional.ofNullable(pattern).map(String::strip);
        });
    }

    private static String tenantOf(Session session) {
        return String.valueOf(session.getTenantIdentifier());
    }

    /** An http(s) URL once its placeholders are filled, with no more than the customer's number and id in it. */
    private static void checkPayLink(String pattern) {
        if (pattern.length() > MAX_PAY_LINK) {
            throw new InvalidRequestException(FieldViolation.of("pattern", "must be at most " + MAX_PAY_LINK + " characters"));
        }
        String example = NoticeTexts.payLink(pattern.strip(), new Addressee(UUID.randomUUID(), "x", "C-1"));
        try {
            URI uri = new URI(example);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new InvalidRequestException(FieldViolation.of("pattern", "must be an http or https URL"));
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(FieldViolation.of("pattern", "is not a URL: " + e.getReason()));
        }
    }

    static void requireKey(String level, String language) {
        boolean levelKnown = NoticeTexts.REMINDER.equals(level) || (level != null && level.matches("[1-9][0-9]?")
                && Integer.parseInt(level) <= PolicyRules.MAX_LEVELS);
        if (!levelKnown) {
            throw new InvalidRequestException(FieldViolation.of("level", "must be reminder or a level from 1 to "
                    + PolicyRules.MAX_LEVELS));
        }
        if (!NoticeTexts.LANGUAGES.contains(language)) {
            throw new InvalidRequestException(FieldViolation.of("language", "must be zh-CN or en"));
        }
    }

    /** The request as a template, refused naming the field when a text does not parse. */
    private static NoticeTemplate checked(String level, String language, NoticeTemplateRequest request) {
        if (request == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        TemplateText.parse("subject", request.subject(), NoticeTexts.PLACEHOLDERS, NoticeTexts.MAX_SUBJECT);
        TemplateText.parse("body", request.body(), NoticeTexts.PLACEHOLDERS, NoticeTexts.MAX_BODY);
        return new NoticeTemplate(level, language, request.subject(), request.body(), true);
    }

    private static Addressee exampleCustomer(String language) {
        return new Addressee(new UUID(0, 1), NoticeTexts.chinese(language) ? "示例客户有限公司" : "Example Customer Ltd",
                "C-1001");
    }

    /** A notice at the level with two items, for previews. */
    private static DunningNotice example(String level, String language) {
        boolean reminder = NoticeTexts.REMINDER.equals(level);
        int number = reminder ? 1 : Integer.parseInt(level);
        LocalDate today = LocalDate.of(2026, 3, 2);
        String currency = NoticeTexts.chinese(language) ? "CNY" : "EUR";
        int days = reminder ? -3 : 14;
        List<NoticeItem> items = List.of(
                new NoticeItem(new UUID(0, 2), "INV-2026-000101", 1, today.minusDays(days), Money.of("1200.00", currency),
                        days, number, false),
                new NoticeItem(new UUID(0, 3), "INV-2026-000117", 2, today.minusDays(days - 7),
                        Money.of("350.50", currency), days - 7, number, false));
        Money fee = reminder ? Money.zero(currency) : Money.of("5.00", currency);
        Money interest = reminder ? Money.zero(currency) : Money.of(new BigDecimal("3.69"), currency);
        return new DunningNotice(null, today, new UUID(0, 1), number, items, reminder ? Money.zero(currency)
                : Money.of("1550.50", currency), fee, interest, List.of(), "email", DeliveryStatus.PENDING, 0, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
