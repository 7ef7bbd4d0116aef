package receivables.api.platform;

import java.util.List;

/**
 * A tenant to create. Only {@code id} is required.
 *
 * @param id                 lower-case letters, digits, {@code -} and {@code _}, at most 64
 * @param functionalCurrency ISO 4217; {@code EUR} when {@code null}
 * @param timeZone           an IANA zone; {@code UTC} when {@code null}
 * @param apiKeyHashes       hashes of the tenant's first API keys, {@code {hmac-sha256}<salt>:<hmac>} as the Gogo
 *                           command {@code receivables:hash-key} prints them; never a key in clear
 */
public record NewTenant(String id, String name, String functionalCurrency, String timeZone, List<String> features,
        List<String> apiKeyHashes) {
}
