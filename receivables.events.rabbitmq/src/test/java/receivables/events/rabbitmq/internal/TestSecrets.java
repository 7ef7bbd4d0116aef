package receivables.events.rabbitmq.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import receivables.api.secret.ConfigurationSecrets;

/**
 * Stands in for the host's sealing (receivables.impl, AES-GCM under the host key) in tests without a framework: a
 * sealed value is a random token that opens only here, and a token it did not hand out does not open.
 */
final class TestSecrets implements ConfigurationSecrets {

    private final Map<String, String> sealedValues = new HashMap<>();

    @Override
    public boolean sealed(String value) {
        return value != null && value.startsWith("{sealed}");
    }

    @Override
    public synchronized String seal(String plain) {
        String token = "{sealed}" + UUID.randomUUID();
        sealedValues.put(token, plain);
        return token;
    }

    @Override
    public synchronized String open(String value) {
        if (!sealed(value)) {
            return value;
        }
        String plain = sealedValues.get(value);
        if (plain == null) {
            throw new IllegalStateException("sealed elsewhere");
        }
        return plain;
    }
}
