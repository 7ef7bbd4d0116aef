package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.people.CredentialRequest;
import receivables.api.people.IssuedCredential;
import receivables.api.people.PresentedCredentials;
import receivables.api.people.Role;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * Hostile tokens against machine credentials: whatever a client presents, parsing never fails, and nothing but the
 * issued secret authenticates, however close to it (the same id with another tail, the id of another credential).
 */
class MachineCredentialSecretProperties {

    private static final TenantId TENANT = new TenantId("hostile");
    private static final StoredMachineCredentials CREDENTIALS = new StoredMachineCredentials(TestDatabases.h2());
    private static final IssuedCredential ISSUED = CREDENTIALS.issue(TENANT, new CredentialRequest("target",
            EnumSet.of(Role.CLERK), null), Actor.system("test"));

    @Property(tries = 300)
    void noTokenButTheSecretAuthenticates(@ForAll("tokens") String token) {
        assertThat(CREDENTIALS.authenticate(TENANT, token)).isEqualTo(
                token.equals(ISSUED.secret()) ? CREDENTIALS.authenticate(TENANT, ISSUED.secret()) : Optional.empty());
    }

    @Property(tries = 500)
    void anyAuthorizationHeaderIsReadWithoutFailing(@ForAll String authorization, @ForAll String tenant) {
        PresentedCredentials presented = new PresentedCredentials("GET", "customers", "192.0.2.1",
                Map.of("authorization", List.of(authorization), "X-TENANT", List.of(tenant)), Map.of());
        assertThat(presented.tenant()).contains(tenant);
        presented.bearerToken().ifPresent(token -> assertThat(authorization).containsIgnoringCase(token));
    }

    @Provide
    Arbitrary<String> tokens() {
        String id = ISSUED.secret().substring(4, 36);
        Arbitrary<String> tails = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMinLength(0).ofMaxLength(60);
        Arbitrary<String> sameId = tails.map(tail -> "rcv_" + id + "_" + tail);
        Arbitrary<String> otherId = Combinators.combine(Arbitraries.strings().withChars("0123456789abcdef").ofLength(32),
                tails).as((hex, tail) -> "rcv_" + hex + "_" + tail);
        Arbitrary<String> nearlyTheSecret = Arbitraries.integers().between(0, ISSUED.secret().length() - 1)
                .map(at -> ISSUED.secret().substring(0, at) + (ISSUED.secret().charAt(at) == 'x' ? 'y' : 'x')
                        + ISSUED.secret().substring(at + 1));
        return Arbitraries.oneOf(Arbitraries.strings(), sameId, otherId, nearlyTheSecret,
                Arbitraries.just(ISSUED.secret()));
    }
}
