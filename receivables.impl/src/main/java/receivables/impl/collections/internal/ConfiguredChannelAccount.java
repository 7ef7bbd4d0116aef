package receivables.impl.collections.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.TenantId;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.provider.internal.TenantAccount;

/**
 * One tenant's account with one notice channel, from a factory configuration read as a {@link TenantAccount} like a
 * payment-provider account: secrets still in plain text are sealed in the stored configuration at once, and a
 * configuration that cannot be used leaves the account without settings and says why in {@link #problem()}; the
 * channel then answers that it is not configured, and the notice is retried.
 */
@Component(service = ConfiguredChannelAccount.class, configurationPid = ChannelAccountConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ChannelAccountConfiguration.class, factory = true)
public class ConfiguredChannelAccount {

    static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final TenantAccount account;

    @Activate
    public ConfiguredChannelAccount(@Reference SealedSecrets secrets,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurations,
            ChannelAccountConfiguration config, Map<String, Object> properties) {
        this.account = TenantAccount.read("channel", CHANNEL_ID, config.tenant(), config.channel(), config.settings(),
                config.secrets(), properties, secrets, configurations);
    }

    /** Whether this is the account of {@code tenant} for {@code channel}. */
    boolean of(TenantId tenant, String channel) {
        return tenant.equals(account.tenant()) && channel.equals(account.id());
    }

    /** Settings and opened secrets; empty when the configuration is unusable. */
    Map<String, String> settings() {
        return account.settings();
    }

    Optional<String> problem() {
        return account.problem();
    }
}
