package receivables.impl.collections.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;
import receivables.impl.provider.internal.AccountSecrets;
import receivables.impl.provider.internal.SealedSecrets;

/**
 * One tenant's account with one notice channel, from a factory configuration, like a payment-provider account:
 * secrets still in plain text are sealed in the stored configuration at once, and a configuration that cannot be
 * used (a malformed entry, a secret sealed with another key) leaves the account without settings and says why in
 * {@link #problem()}; the channel then answers that it is not configured, and the notice is retried.
 */
@Component(service = ConfiguredChannelAccount.class, configurationPid = ChannelAccountConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ChannelAccountConfiguration.class, factory = true)
public class ConfiguredChannelAccount {

    static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredChannelAccount.class);

    private final TenantId tenant;
    private final String channel;
    private final Map<String, String> settings;
    private final Optional<String> problem;

    @Activate
    public ConfiguredChannelAccount(@Reference SealedSecrets secrets,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurations,
            ChannelAccountConfiguration config, Map<String, Object> properties) {
        this.tenant = TenantId.isValid(config.tenant()) ? new TenantId(config.tenant()) : null;
        this.channel = config.channel();
        Map<String, String> read = Map.of();
        Optional<String> unusable = Optional.empty();
        try {
            if (tenant == null) {
                throw new IllegalArgumentException("channel account: tenant '" + config.tenant() + "' is not a valid tenant id");
            }
            if (channel == null || !CHANNEL_ID.matcher(channel).matches()) {
                throw new IllegalArgumentException("channel account of tenant " + tenant.value() + ": channel '" + channel
                        + "' is not a channel id");
            }
            String account = tenant.value() + "/" + channel;
            read = AccountSecrets.merged(account, config.settings(), config.secrets(), secrets);
            if (AccountSecrets.anyPlain(config.secrets(), secrets)) {
                AccountSecrets.sealStored(account, properties, config.secrets(), secrets, configurations);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            unusable = Optional.of(e.getMessage());
            LOG.warn("Channel account {} is unusable: {}", properties.get(Constants.SERVICE_PID), e.getMessage());
        }
        this.settings = read;
        this.problem = unusable;
    }

    /** Whether this is the account of {@code tenant} for {@code channel}. */
    boolean of(TenantId tenant, String channel) {
        return tenant.equals(this.tenant) && channel.equals(this.channel);
    }

    /** Settings and opened secrets; empty when the configuration is unusable. */
    Map<String, String> settings() {
        return settings;
    }

    Optional<String> problem() {
        return problem;
    }
}
