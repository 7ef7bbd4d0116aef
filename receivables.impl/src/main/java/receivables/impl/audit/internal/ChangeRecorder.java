package receivables.impl.audit.internal;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.audit.AuditOperation;
import receivables.api.audit.FieldChange;

/**
 * The one place where changes become audit records. Hibernate tells it the old and new state of every
 * {@link Audited} or {@link AuditedAsPart} entity it inserts, updates or deletes; changes that are not entity
 * flushes (configuration) are handed to {@link #record}. They are collected per transaction and appended to the
 * tenant's chain just before it commits, on its connection, so a change and its record commit or roll back together.
 */
@Component(service = ChangeRecorder.class)
public class ChangeRecorder implements Integrator, PostInsertEventListener, PostUpdateEventListener,
        PostDeleteEventListener {

    private final CallerScope callers;
    private final Map<SharedSessionContractImplementor, PendingChanges> pending =
            Collections.synchronizedMap(new IdentityHashMap<>());
    // Sessions that write rows for another's transaction (Database.insert), with the session whose they are.
    private final Map<SharedSessionContractImplementor, SharedSessionContractImplementor> writingFor =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Class<?>, AuditedType> types = new ConcurrentHashMap<>();
    private final KnownHeads heads = new KnownHeads();

    @Activate
    public ChangeRecorder(@Reference CallerScope callers) {
        this.callers = callers;
    }

    public CallerScope callers() {
        return callers;
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
        listeners.appendListeners(EventType.POST_DELETE, this);
    }

    /** Records a change that is no entity flush, in the transaction {@code session} is running. */
    public void record(Session session, RecordedChange change) {
        pendingFor(session.unwrap(SharedSessionContractImplementor.class)).add(change);
    }

    /**
     * Runs {@code write}, whose changes {@code writer} makes on {@code owner}'s connection and in its transaction,
     * recording them with {@code owner}'s: they reach the trail when, and only if, that transaction commits.
     */
    public void recordAsPartOf(StatelessSession writer, Session owner, Runnable write) {
        SharedSessionContractImplementor writing = writer.unwrap(SharedSessionContractImplementor.class);
        writingFor.put(writing, owner.unwrap(SharedSessionContractImplementor.class));
        try {
            write.run();
        } finally {
            writingFor.remove(writing);
        }
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        inserted(event.getSession(), event.getPersister(), event.getId(), event.getState());
    }

    /**
     * Records an entity that {@code owner}'s transaction inserted without Hibernate's insert event (a copy of new
     * rows, see {@code Database.insert}), from the id and state that event would carry.
     */
    public void inserted(Session owner, EntityPersister persister, Object id, Object[] state) {
        inserted(owner.unwrap(SharedSessionContractImplementor.class), persister, id, state);
    }

    private void inserted(SharedSessionContractImplementor session, EntityPersister persister, Object id,
            Object[] state) {
        AuditedType type = typeOf(persister);
        if (type == null) {
            return;
        }
        add(session, type, persister, id, state, AuditOperation.CREATED, fields(type, persister, null, state, null,
                session));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        AuditedType type = typeOf(event.getPersister());
        if (type == null) {
            return;
        }
        List<FieldChange> fields = fields(type, event.getPersister(), event.getOldState(), event.getState(),
                event.getDirtyProperties(), event.getSession());
        if (!fields.isEmpty()) {
            add(event.getSession(), type, event.getPersister(), event.getId(), event.getState(), AuditOperation.CHANGED,
                    fields);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        AuditedType type = typeOf(event.getPersister());
        if (type == null) {
            return;
        }
        List<FieldChange> fields = fields(type, event.getPersister(), event.getDeletedState(), null, null,
                event.getSession());
        add(event.getSession(), type, event.getPersister(), event.getId(), event.getDeletedState(),
                AuditOperation.DELETED, fields);
    }

    /**
     * Adds an entity's change to its transaction: as a record of its own, or, for a part, to its owner's record
     * with the part's fields named after its place there ({@code lines[2].quantity}, the part's id as
     * {@code lines[2].id}), without the fields that repeat what the record or its owner says (the owner's id, the
     * part's number, the owner's values it copies).
     */
    private void add(SharedSessionContractImplementor session, AuditedType type, EntityPersister persister, Object id,
            Object[] state, AuditOperation operation, List<FieldChange> fields) {
        if (type.part() == null) {
            pendingFor(session).add(new RecordedChange(type.name(), String.valueOf(id), operation, fields));
            return;
        }
        String[] names = persister.getPropertyNames();
        String prefix = type.part().name() + "[" + text(state[indexOf(names, type.part().key())], session) + "].";
        List<FieldChange> named = new ArrayList<>(fields.size() + 1);
        if (operation != AuditOperation.CHANGED) {
            String part = String.valueOf(id);
            named.add(new FieldChange(prefix + "id", operation == AuditOperation.CREATED ? null : part,
                    operation == AuditOperation.CREATED ? part : null));
        }
        for (FieldChange field : fields) {
            if (!type.ownersValues().contains(field.field())) {
                named.add(new FieldChange(prefix + field.field(), field.before(), field.after()));
            }
        }
        pendingFor(session).addPart(type.name(), text(state[indexOf(names, type.part().ownerId())], session), named);
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("an audited part names a field it does not have: " + name);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private PendingChanges pendingFor(SharedSessionContractImplementor writer) {
        SharedSessionContractImplementor session = writingFor.getOrDefault(writer, writer);
        synchronized (pending) {
            PendingChanges changes = pending.get(session);
            if (changes == null) {
                changes = new PendingChanges(callers.current(), heads, () -> pending.remove(session));
                pending.put(session, changes);
                session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) changes);
                session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) changes);
            }
            return changes;
        }
    }

    /** Transactions whose changes wait for their commit; for tests that check nothing is left behind. */
    int pendingTransactions() {
        return pending.size();
    }

    private AuditedType typeOf(EntityPersister persister) {
        return types.computeIfAbsent(persister.getMappedClass(), AuditedType::of).orNull();
    }

    private static List<FieldChange> fields(AuditedType type, EntityPersister persister, Object[] before, Object[] after,
            int[] dirty, SharedSessionContractImplementor session) {
        String[] names = persister.getPropertyNames();
        int version = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
        List<FieldChange> fields = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (i == version || persister.getPropertyTypes()[i].isCollectionType() || type.derived().contains(names[i])) {
                continue;
            }
            String old = before == null ? null : text(before[i], session);
            String now = after == null ? null : text(after[i], session);
            boolean changed = dirty != null ? contains(dirty, i) && !Objects.equals(old, now) : !Objects.equals(old, now);
            if (changed) {
                fields.add(type.personal().contains(names[i])
                        ? new FieldChange(names[i], old == null ? null : FieldChange.WITHHELD, now == null ? null : FieldChange.WITHHELD)
                        : new FieldChange(names[i], old, now));
            }
        }
        return fields;
    }

    private static boolean contains(int[] indexes, int index) {
        for (int candidate : indexes) {
            if (candidate == index) {
                return true;
            }
        }
        return false;
    }

    /** A value as the trail shows it: amounts without exponent, enums by name, other entities by their id. */
    static String text(Object value, SharedSessionContractImplementor session) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        if (value instanceof String || value instanceof UUID || value instanceof Number || value instanceof Boolean
                || value instanceof Temporal) {
            // Never an entity: spares a look-up in the persistence context for each of a billing run's fields.
            return value.toString();
        }
        if (value instanceof HibernateProxy proxy) {
            return String.valueOf(proxy.getHibernateLazyInitializer().getInternalIdentifier());
        }
        EntityEntry entry = session == null ? null : session.getPersistenceContextInternal().getEntry(value);
        return entry != null ? String.valueOf(entry.getId()) : value.toString();
    }

    /**
     * Whether and how an entity class is audited, read once from its annotations: under its own name, or as a part
     * ({@code part} not null) under its owner's.
     */
    private record AuditedType(String name, Set<String> personal, Set<String> derived, AuditedAsPart part,
            Set<String> ownersValues) {

        static final AuditedType NOT_AUDITED = new AuditedType(null, Set.of(), Set.of(), null, Set.of());

        static AuditedType of(Class<?> entity) {
            Audited audited = entity.getAnnotation(Audited.class);
            AuditedAsPart part = entity.getAnnotation(AuditedAsPart.class);
            if (audited == null && part == null) {
                return NOT_AUDITED;
            }
            Set<String> personal = new HashSet<>();
            Set<String> derived = new HashSet<>();
            for (Class<?> type = entity; type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.isAnnotationPresent(PersonalData.class)) {
                        personal.add(field.getName());
                    }
                    if (field.isAnnotationPresent(Derived.class)) {
                        derived.add(field.getName());
                    }
                }
            }
            if (part == null) {
                return new AuditedType(audited.value(), Set.copyOf(personal), Set.copyOf(derived), null, Set.of());
            }
            Set<String> ownersValues = new HashSet<>(List.of(part.ownersValues()));
            ownersValues.addAll(List.of(part.ownerId(), part.key()));
            return new AuditedType(part.owner(), Set.copyOf(personal), Set.copyOf(derived), part,
                    Set.copyOf(ownersValues));
        }

        AuditedType orNull() {
            return name == null ? null : this;
        }
    }
}
