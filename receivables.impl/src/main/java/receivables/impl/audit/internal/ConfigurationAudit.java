package receivables.impl.audit.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.audit.AuditOperation;
import receivables.api.audit.FieldChange;
import receivables.impl.persistence.internal.Database;

/**
 * Records changes to tenant settings (features, API keys, ledger settings) and provider accounts in the tenant's
 * trail. They live in ConfigAdmin, not in entities, so they are compared with what this component saw last. API
 * keys appear as the ids the trail names credentials by, provider secrets by name only: a secret never enters the
 * trail. ConfigAdmin does not say who changed a configuration: the actor is the caller that named the change
 * ({@link ConfigurationActors}), else {@code system:configuration}.
 */
@Component(service = ConfigurationListener.class)
public class ConfigurationAudit implements ConfigurationListener {

    static final String TENANT_FACTORY = "receivables.tenant";
    static final String PROVIDER_ACCOUNT_FACTORY = "receivables.provider.account";
    private static final Set<String> NOT_SETTINGS = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename");
    private static final CallerContext CONFIGURATION = new CallerContext(Actor.system("configuration"), null, null);
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);

    private final ConfigurationAdmin admin;
    private final Database database;
    private final ChangeRecorder changes;
    private final ConfigurationActors actors;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** What a configuration held when this component last saw it. */
    private record Seen(String entityType, String entityId, TenantId tenant, Map<String, String> settings) {
    }

    @Activate
    public ConfigurationAudit(@Reference ConfigurationAdmin admin, @Reference Database database,
            @Reference ChangeRecorder changes, @Reference ConfigurationActors actors)
            throws IOException, InvalidSyntaxException {
        this.admin = admin;
        this.database = database;
        this.changes = changes;
        this.actors = actors;
        Configuration[] existing = admin.listConfigurations("(|(service.factoryPid=" + TENANT_FACTORY
                + ")(service.factoryPid=" + PROVIDER_ACCOUNT_FACTORY + "))");
        for (Configuration configuration : existing == null ? new Configuration[0] : existing) {
            Seen current = seen(configuration.getFactoryPid(), configuration.getProperties());
            if (current != null) {
                seen.put(configuration.getPid(), current);
            }
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!TENANT_FACTORY.equals(event.getFactoryPid()) && !PROVIDER_ACCOUNT_FACTORY.equals(event.getFactoryPid())) {
            return;
        }
        try {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                Seen before = seen.remove(event.getPid());
                if (before != null) {
                    record(event.getPid(), before.tenant(), before.entityType(), before.entityId(), AuditOperation.DELETED,
                            changes(before.settings(), Map.of()));
                }
                return;
            }
            Configuration[] found = admin.listConfigurations("(service.pid=" + event.getPid() + ")");
            Seen now = found == null ? null : seen(event.getFactoryPid(), found[0].getProperties());
            if (now == null) {
                return;
            }
            Seen before = seen.put(event.getPid(), now);
            List<FieldChange> fields = changes(before == null ? Map.of() : before.settings(), now.settings());
            if (!fields.isEmpty()) {
                record(event.getPid(), now.tenant(), now.entityType(), now.entityId(),
                        before == null ? AuditOperation.CREATED : AuditOperation.CHANGED, fields);
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.error("A change to configuration {} could not be recorded in the audit trail: {}", event.getPid(),
                    e.getMessage());
        }
    }

    private void record(String pid, TenantId tenant, String entityType, String entityId, AuditOperation operation,
            List<FieldChange> fields) {
        changes.callers().enter(actors.claim(pid).orElse(CONFIGURATION));
        try {
            database.inTransaction(tenant, session -> {
                changes.record(session, new RecordedChange(entityType, entityId, operation, fields));
                return null;
            });
        } finally {
            changes.callers().leave();
        }
    }

    /** A tenant's or provider account's settings as the trail shows them; {@code null} when it names no valid tenant. */
    static Seen seen(String factoryPid, Dictionary<String, Object> properties) {
        if (properties == null) {
            return null;
        }
        Map<String, String> settings = new TreeMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!NOT_SETTINGS.contains(key)) {
                settings.put(key, shown(key, properties.get(key)));
            }
        }
        boolean tenantSettings = TENANT_FACTORY.equals(factoryPid);
        String tenant = settings.get(tenantSettings ? "id" : "tenant");
        if (tenant == null || !TenantId.isValid(tenant)) {
            return null;
        }
        return tenantSettings ? new Seen("tenant-settings", tenant, new TenantId(tenant), settings)
                : new Seen("provider-account", tenant + "/" + settings.get("provider"), new TenantId(tenant), settings);
    }

    /** A setting's value as text; API keys as the ids credentials go by, secrets by their names only. */
    private static String shown(String key, Object value) {
        List<String> values = new ArrayList<>();
        if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> values.add(String.valueOf(item)));
        } else {
            values.add(String.valueOf(value));
        }
        if ("apiKeys".equals(key)) {
            return String.join(", ", new TreeSet<>(values.stream().map(ConfigurationAudit::credentialId).toList()));
        }
        if ("secrets".equals(key)) {
            return String.join(", ", new TreeSet<>(values.stream().map(entry -> entry.split("=", 2)[0].trim()).toList()));
        }
        return String.join(", ", values);
    }

    private static List<FieldChange> changes(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<FieldChange> fields = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                fields.add(new FieldChange(key, before.get(key), after.get(key)));
            }
        }
        return fields;
    }

    /** The id the trail gives an API key: the start of its SHA-256 digest, as the REST filter names the caller. */
    public static String credentialId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "api-key:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
