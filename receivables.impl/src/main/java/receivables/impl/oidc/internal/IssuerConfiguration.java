package receivables.impl.oidc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "receivables OpenID Connect issuer",
        description = "An identity provider of the host platform whose access tokens (signed JWTs) act for one tenant: "
                + "'Authorization: Bearer <access token>'. One configuration per tenant and issuer.")
@interface IssuerConfiguration {

    String FACTORY_PID = "receivables.oidc";

    @AttributeDefinition(name = "Tenant", description = "The tenant the issuer's tokens act for")
    String tenant();

    @AttributeDefinition(name = "Issuer", description = "The tokens' 'iss' claim, exactly, e.g. https://login.example.com/realms/acme")
    String issuer();

    @AttributeDefinition(name = "Audience", description = "A value the tokens' 'aud' claim must hold, e.g. receivables")
    String audience();

    @AttributeDefinition(name = "JWKS URI", description = "Where the issuer publishes its signing keys (the jwks_uri of "
            + "its OpenID configuration); http or https")
    String jwksUri();

    @AttributeDefinition(name = "Tenant claim", required = false,
            description = "A claim that must name the tenant, for issuers that serve several tenants; empty for none")
    String tenantClaim() default "";

    @AttributeDefinition(name = "Roles claim",
            description = "The claim holding the platform's role names, a list or a space-separated string; a dotted "
                    + "path reaches into objects, e.g. realm_access.roles")
    String rolesClaim() default "roles";

    @AttributeDefinition(name = "Role mapping", cardinality = 64,
            description = "platform-role=ROLE, one per line, ROLE one of CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, "
                    + "AUDITOR; a platform role may map to several roles on several lines. A token that maps to no role "
                    + "is refused with 403 wherever a role is needed.")
    String[] roleMapping() default {};

    @AttributeDefinition(name = "Clock skew (seconds)",
            description = "How far the issuer's clock may be off: tokens are accepted this long after 'exp' and before 'nbf'")
    int clockSkewSeconds() default 60;

    @AttributeDefinition(name = "Key cache (seconds)", description = "How long the fetched keys are used before they are fetched again")
    int keyCacheSeconds() default 300;

    @AttributeDefinition(name = "Key refetch interval (seconds)",
            description = "A token signed with an unknown key fetches the keys again (the issuer rotated them), at most "
                    + "once in this interval")
    int keyRefetchSeconds() default 30;
}
