package receivables.impl.collections.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicies;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.DunningPolicyRequest;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.persistence.internal.Database;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * The tenant's dunning policies in the database, and which customer is dunned under which: the customer's own
 * assignment, else its segment's policy, else the tenant's default.
 */
@Component(service = { DunningPolicies.class, StoredDunningPolicies.class })
public class StoredDunningPolicies implements DunningPolicies {

    private final Database database;
    private final StoredPaymentTerms paymentTerms;

    @Activate
    public StoredDunningPolicies(@Reference Database database, @Reference StoredPaymentTerms paymentTerms) {
        this.database = database;
        this.paymentTerms = paymentTerms;
    }

    @Override
    public List<DunningPolicy> list(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from DunningPolicy p order by p.code", DunningPolicyEntity.class).getResultList().stream()
                .map(policy -> toValue(session, policy)).toList());
    }

    @Override
    public Optional<DunningPolicy> find(TenantId tenant, String code) {
        return database.inTransaction(tenant, session -> find(session, code));
    }

    Optional<DunningPolicy> find(Session session, String code) {
        return Optional.ofNullable(stored(session, code)).map(policy -> toValue(session, policy));
    }

    /** The policy named {@code code}; null for none, and for text that is no code at all (never sent to the database). */
    private static DunningPolicyEntity stored(Session session, String code) {
        return code == null || !PolicyRules.CODE.matcher(code).matches() ? null
                : session.find(DunningPolicyEntity.class, code);
    }

    @Override
    public DunningPolicy define(TenantId tenant, String code, DunningPolicyRequest request) {
        DunningPolicy policy = PolicyRules.policy(code, request);
        return database.inTransaction(tenant, session -> {
            if (paymentTerms.find(session, policy.chargeTermsCode()).isEmpty()) {
                throw new InvalidRequestException(FieldViolation.of("chargeTermsCode",
                        "is not a payment terms code of this tenant"));
            }
            Map<String, String> segmentOwners = session.createSelectionQuery("from PolicySegment s where s.segment in :segments",
                            PolicySegmentEntity.class)
                    .setParameter("segments", policy.segments().isEmpty() ? List.of("") : policy.segments())
                    .getResultStream().collect(Collectors.toMap(s -> s.segment, s -> s.policyCode));
            for (int i = 0; i < policy.segments().size(); i++) {
                String owner = segmentOwners.get(policy.segments().get(i));
                if (owner != null && !owner.equals(code)) {
                    throw new InvalidRequestException(FieldViolation.of("segments[" + i + "]",
                            "already belongs to policy " + owner));
                }
            }
            if (policy.tenantDefault()) {
                // One default at most: the new one takes over.
                session.createSelectionQuery("from DunningPolicy p where p.tenantDefault = true and p.code <> :code",
                                DunningPolicyEntity.class).setParameter("code", code).getResultList()
                        .forEach(other -> other.tenantDefault = false);
            }
            DunningPolicyEntity stored = session.find(DunningPolicyEntity.class, code);
            if (stored == null) {
                stored = new DunningPolicyEntity(code);
                stored.apply(policy);
                session.persist(stored);
            } else {
                stored.apply(policy);
                levels(session, code).forEach(session::remove);
                segments(session, code).forEach(session::remove);
                // The old rows go before the new ones come: they share their unique keys.
                session.flush();
            }
            for (int i = 0; i < policy.levels().size(); i++) {
                session.persist(new PolicyLevelEntity(code, i + 1, policy.levels().get(i)));
            }
            policy.segments().forEach(segment -> session.persist(new PolicySegmentEntity(segment, code)));
            session.flush();
            return toValue(session, stored);
        });
    }

    @Override
    public void remove(TenantId tenant, String code) {
        database.inTransaction(tenant, (session, tx) -> {
            DunningPolicyEntity stored = stored(session, code);
            if (stored == null) {
                throw new NotFoundException("dunning policy", code);
            }
            levels(session, code).forEach(session::remove);
            segments(session, code).forEach(session::remove);
            session.createSelectionQuery("from CustomerPolicy c where c.policyCode = :code", CustomerPolicyEntity.class)
                    .setParameter("code", code).getResultList().forEach(session::remove);
            session.remove(stored);
        });
    }

    @Override
    public void assign(TenantId tenant, UUID customerId, String code) {
        database.inTransaction(tenant, (session, tx) -> {
            if (session.find(CustomerAccountEntity.class, customerId) == null) {
                throw new NotFoundException("customer", customerId);
            }
            CustomerPolicyEntity assigned = session.find(CustomerPolicyEntity.class, customerId);
            if (code == null) {
                if (assigned != null) {
                    session.remove(assigned);
                }
                return;
            }
            if (stored(session, code) == null) {
                throw new InvalidRequestException(FieldViolation.of("policyCode", "is not a dunning policy of this tenant"));
            }
            if (assigned == null) {
                session.persist(new CustomerPolicyEntity(customerId, code));
            } else {
                assigned.policyCode = code;
            }
        });
    }

    @Override
    public Optional<DunningPolicy> policyFor(TenantId tenant, UUID customerId) {
        return database.inTransaction(tenant, session -> policyFor(session, customerId));
    }

    /** The policy {@code customerId} is dunned under, in the caller's session. */
    Optional<DunningPolicy> policyFor(Session session, UUID customerId) {
        return policyFor(session, customerId, new HashMap<>());
    }

    /**
     * The policy {@code customerId} is dunned under, each policy read from the database only when {@code known} (by
     * code, the tenant's default under {@code null}) does not hold it yet: a run asks this for every customer and keeps
     * {@code known} while it lasts, so that it reads a policy and its levels once, not once per customer.
     */
    Optional<DunningPolicy> policyFor(Session session, UUID customerId, Map<String, Optional<DunningPolicy>> known) {
        CustomerPolicyEntity assigned = session.find(CustomerPolicyEntity.class, customerId);
        if (assigned != null) {
            return known.computeIfAbsent(assigned.policyCode, code -> find(session, code));
        }
        CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, customerId);
        if (customer != null && customer.segment() != null) {
            PolicySegmentEntity segment = session.find(PolicySegmentEntity.class, customer.segment());
            if (segment != null) {
                return known.computeIfAbsent(segment.policyCode, code -> find(session, code));
            }
        }
        return known.computeIfAbsent(null, none -> session.createSelectionQuery(
                        "from DunningPolicy p where p.tenantDefault = true", DunningPolicyEntity.class)
                .getResultStream().findFirst().map(policy -> toValue(session, policy)));
    }

    private static List<PolicyLevelEntity> levels(Session session, String code) {
        return session.createSelectionQuery("from PolicyLevel l where l.policyCode = :code order by l.number",
                PolicyLevelEntity.class).setParameter("code", code).getResultList();
    }

    private static List<PolicySegmentEntity> segments(Session session, String code) {
        return session.createSelectionQuery("from PolicySegment s where s.policyCode = :code order by s.segment",
                PolicySegmentEntity.class).setParameter("code", code).getResultList();
    }

    private static DunningPolicy toValue(Session session, DunningPolicyEntity policy) {
        List<DunningLevel> levels = levels(session, policy.code).stream().map(PolicyLevelEntity::toValue).toList();
        return policy.toValue(levels, segments(session, policy.code).stream().map(s -> s.segment).toList());
    }
}
