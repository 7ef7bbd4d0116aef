package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.container.ContainerRequestContext;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.platform.NewTenant;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.audit.internal.ConfigurationActors;
import receivables.impl.provider.internal.ProviderAccount;
import receivables.impl.provider.internal.ProviderAccountChange;
import receivables.impl.provider.internal.ProviderAccountConfigurations;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.tenant.internal.InMemoryConfigurationAdmin;
import receivables.impl.tenant.internal.TenantConfigurations;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * A tenant admin's settings over REST ({@code PUT /tenant/features}, {@code /tenant/provider-accounts}) against an
 * in-memory ConfigurationAdmin: each request reaches its caller's tenant only, and whatever a client sends is stored
 * or refused naming a field, with nothing stored.
 */
class TenantSettingsResourcesTest {

    private static final TenantId ACME = new TenantId("acme");

    private final InMemoryConfigurationAdmin configurations = new InMemoryConfigurationAdmin();
    private final TenantConfigurations tenants = new TenantConfigurations(configurations.admin(), new ConfigurationActors(new CallerScope()));
    private final TenantProfileResource profile = new TenantProfileResource(new TenantDirectory(List.of()), tenants);
    private final ProviderAccountResource accounts = new ProviderAccountResource(
            new ProviderAccountConfigurations(configurations.admin(), new SealedSecrets(new byte[32]),
                    new ConfigurationActors(new CallerScope())));

    TenantSettingsResourcesTest() {
        tenants.create(new NewTenant("acme", "Acme", null, null, List.of("bank-reconciliation"), null));
        tenants.create(new NewTenant("other", "Other", null, null, List.of("bank-reconciliation"), null));
    }

    @Test
    void aTenantAdminSwitchesTheFeaturesOfTheirOwnTenantOnly() {
        assertThat(profile.switchFeatures(caller(ACME), new PlatformTenantResource.Features(List.of("dunning"))).features())
                .containsExactly("dunning");
        assertThat(tenants.list()).filteredOn(tenant -> tenant.id().equals("other")).singleElement()
                .satisfies(other -> assertThat(other.features()).containsExactly("bank-reconciliation"));
        assertThatThrownBy(() -> profile.switchFeatures(caller(ACME), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldViolation::field).containsExactly("features"));
        assertThatThrownBy(() -> profile.switchFeatures(caller(ACME), new PlatformTenantResource.Features(null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(tenants.list()).filteredOn(tenant -> tenant.id().equals("acme")).singleElement()
                .satisfies(acme -> assertThat(acme.features()).containsExactly("dunning"));
    }

    @Test
    void aProviderAccountIsCreatedChangedAndRemovedForTheCallersTenant() {
        ProviderAccount created = (ProviderAccount) accounts.create(caller(ACME), new ProviderAccountChange("wallet", true,
                Map.of("appId", "A-1"), Map.of("merchantPrivateKey", "private"))).getEntity();

        assertThat(created.secrets()).containsExactly("merchantPrivateKey");
        assertThat(accounts.list(caller(new TenantId("other")))).isEmpty();
        assertThatThrownBy(() -> accounts.delete(caller(new TenantId("other")), "wallet")).isInstanceOf(NotFoundException.class);
        assertThat(accounts.change(caller(ACME), "wallet", new ProviderAccountChange(null, false, Map.of("appId", "A-2"),
                Map.of("merchantPrivateKey", ""))).enabled()).isFalse();
        assertThat(accounts.list(caller(ACME))).extracting(ProviderAccount::settings).containsExactly(Map.of("appId", "A-2"));
        assertThat(accounts.delete(caller(ACME), "wallet").provider()).isEqualTo("wallet");
        assertThat(accounts.list(caller(ACME))).isEmpty();
    }

    /** Features of every kind: right, nearly right and hostile (filter syntax, NUL, surrogates, very long). */
    @Property(tries = 300)
    void anyFeaturesAreSwitchedOrRefusedNamingThem(@ForAll("features") List<String> features) {
        Set<String> before = tenants.list().get(0).features();
        try {
            assertThat(profile.switchFeatures(caller(ACME), new PlatformTenantResource.Features(features)).features())
                    .containsExactlyInAnyOrderElementsOf(features.stream().map(String::trim).distinct().toList());
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).allSatisfy(violation -> assertThat(violation.field()).startsWith("features"));
            assertThat(tenants.list().get(0).features()).isEqualTo(before);
        }
    }

    /** Accounts of every kind: stored as sent, or refused naming a field with nothing stored. */
    @Property(tries = 300)
    void anyAccountIsStoredOrRefusedNamingAField(@ForAll("texts") String provider, @ForAll("texts") String key,
            @ForAll("texts") String value) {
        int stored = configurations.stored().size();
        Map<String, String> settings = new HashMap<>();
        settings.put(key, value);
        try {
            ProviderAccount created = (ProviderAccount) accounts.create(caller(ACME), new ProviderAccountChange(provider,
                    null, settings, Map.of())).getEntity();
            assertThat(created.settings()).isEqualTo(settings);
            accounts.delete(caller(ACME), provider);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).extracting(FieldViolation::field)
                    .allMatch(field -> Arrays.asList("provider", "settings").contains(field) || field.startsWith("settings."));
        }
        assertThat(configurations.stored()).hasSize(stored);
    }

    @Provide
    Arbitrary<List<String>> features() {
        return texts().list().ofMaxSize(70);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("wallet", "bank-transfer", "bank-reconciliation", "appId", "x", "",
                " ", "(tenant=*)", "*", "a)(b=c", "wallet\n", "Wallet", "a\u0000b", "a\ud800b", "名称", "x".repeat(9000)),
                Arbitraries.strings().ofMaxLength(80));
    }

    private static ContainerRequestContext caller(TenantId tenant) {
        return (ContainerRequestContext) Proxy.newProxyInstance(TenantSettingsResourcesTest.class.getClassLoader(),
                new Class<?>[] { ContainerRequestContext.class }, (proxy, method, args) -> method.getName().equals("getProperty")
                        && TenantFilter.TENANT_PROPERTY.equals(args[0]) ? tenant : null);
    }
}
