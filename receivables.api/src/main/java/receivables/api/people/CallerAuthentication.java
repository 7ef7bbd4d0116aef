package receivables.api.people;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to authenticate requests to the REST API, registered as a service. A platform that knows its users
 * registers its own (its single sign-on, a gateway's signed headers, client certificates) next to the built-in
 * ones: machine credentials, OpenID Connect access tokens, sessions of built-in users.
 * <p>
 * For each request the API asks every registered authentication in order of {@code service.ranking}, highest
 * first: the first that answers {@link AuthenticationVerdict.Authenticated} decides whom the request acts as.
 * When none does, a request that presented credentials some authentication {@link AuthenticationVerdict.Rejected
 * rejected}, or that needs credentials, is refused with 401. A request that names a tenant in
 * {@value PresentedCredentials#TENANT_HEADER} is refused unless its caller acts for that tenant.
 * <p>
 * An authentication must answer quickly and without side effects beyond its own bookkeeping, must never accept
 * what it did not verify, and must {@link AuthenticationVerdict.Abstained abstain} from credentials that are not of
 * its kind, so that the others get their turn.
 */
@ConsumerType
public interface CallerAuthentication {

    AuthenticationVerdict authenticate(PresentedCredentials presented);
}
