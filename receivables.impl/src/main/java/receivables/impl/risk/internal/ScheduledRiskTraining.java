package receivables.impl.risk.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Leases;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Retrains each enabled tenant's risk model as of today once its latest is {@code retrainHours} old, under the
 * tenant's lease on {@value #WORK}, so that one node trains a tenant at a time and a dead node's turn passes to the
 * next that looks. A tenant with too little history yet is passed over until it has more.
 */
@Component(service = ScheduledRiskTraining.class, configurationPid = RiskTrainingConfiguration.PID)
@Designate(ocd = RiskTrainingConfiguration.class)
public class ScheduledRiskTraining {

    static final String WORK = "risk-training";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRiskTraining.class);

    private final StoredRiskScores risk;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService schedule;

    @Activate
    public ScheduledRiskTraining(@Reference StoredRiskScores risk, @Reference Leases leases,
            @Reference TenantDirectory tenants, RiskTrainingConfiguration config) {
        this(risk, leases, tenants, Clock.systemUTC(), config.retrainHours(),
                config.retrainHours() == 0 ? 0 : config.checkSeconds());
        if (config.retrainHours() > 0 && config.checkSeconds() < 1) {
            throw new IllegalArgumentException("checkSeconds must be at least 1, not " + config.checkSeconds());
        }
    }

    /** With {@code checkSeconds} 0, nothing runs by itself: tests call {@link #round()}. */
    ScheduledRiskTraining(StoredRiskScores risk, Leases leases, TenantDirectory tenants, Clock clock, int retrainHours,
            int checkSeconds) {
        if (retrainHours < 0 || checkSeconds < 0) {
            throw new IllegalArgumentException("retrainHours and checkSeconds must be 0 or more, not " + retrainHours
                    + " and " + checkSeconds);
        }
        this.risk = risk;
        this.leases = leases;
        this.tenants = tenants;
        this.clock = clock;
        this.every = Duration.ofHours(retrainHours);
        this.schedule = checkSeconds > 0 ? BackgroundThreads.every("receivables-risk-training", checkSeconds,
                this::round) : null;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (schedule != null) {
            BackgroundThreads.stop(schedule);
        }
    }

    /** Trains every enabled tenant whose model is due, each under its lease. */
    void round() {
        leases.eachTenant(tenants.enabledTenants(), WORK, this::trainIfDue);
    }

    /**
     * Trains the tenant as of today unless its latest model is younger than the interval (this node's clock says);
     * whether it trained.
     */
    boolean trainIfDue(TenantId tenant) {
        boolean due = risk.lastTrainedAt(tenant).map(last -> !last.plus(every).isAfter(clock.instant())).orElse(true);
        if (!due) {
            return false;
        }
        try {
            risk.trainToday(tenant);
            return true;
        } catch (InvalidRequestException tooLittleHistory) {
            LOG.debug("No risk model for tenant {} yet: {}", tenant, tooLittleHistory.getMessage());
            return false;
        }
    }
}
