package receivables.impl.tenant.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Enough of ConfigurationAdmin for factory configurations: get by name, list by filter, update and delete. What it
 * stores is in {@link #stored()}, by pid ({@code factoryPid~name}).
 */
public final class InMemoryConfigurationAdmin {

    private final Map<String, Dictionary<String, Object>> stored = new LinkedHashMap<>();
    private final Map<String, Long> changes = new HashMap<>();
    private final ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, arguments) -> switch (method.getName()) {
                case "getFactoryConfiguration" -> configuration(arguments[0] + "~" + arguments[1], (String) arguments[0]);
                case "listConfigurations" -> {
                    Filter filter = FrameworkUtil.createFilter((String) arguments[0]);
                    List<Configuration> found = new ArrayList<>();
                    stored.forEach((pid, properties) -> {
                        if (filter.match(properties)) {
                            found.add(configuration(pid, String.valueOf(properties.get("service.factoryPid"))));
                        }
                    });
                    yield found.isEmpty() ? null : found.toArray(Configuration[]::new);
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    public ConfigurationAdmin admin() {
        return admin;
    }

    public Map<String, Dictionary<String, Object>> stored() {
        return stored;
    }

    private Configuration configuration(String pid, String factoryPid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Configuration.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getProperties" -> stored.containsKey(pid) ? copy(stored.get(pid)) : null;
                    case "update" -> {
                        Dictionary<String, Object> properties = copy(cast(arguments[0]));
                        properties.put("service.pid", pid);
                        properties.put("service.factoryPid", factoryPid);
                        stored.put(pid, properties);
                        changes.merge(pid, 1L, Long::sum);
                        yield null;
                    }
                    case "delete" -> {
                        stored.remove(pid);
                        yield null;
                    }
                    case "getChangeCount" -> changes.getOrDefault(pid, 0L);
                    case "getPid" -> pid;
                    case "getFactoryPid" -> factoryPid;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> cast(Object dictionary) {
        return (Dictionary<String, Object>) dictionary;
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
