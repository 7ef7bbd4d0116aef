package receivables.api.people;

/**
 * A credential just issued, with its secret: the only time the secret is seen. Present it as
 * {@code Authorization: Bearer <secret>} with the tenant in {@code X-Tenant}.
 */
public record IssuedCredential(MachineCredential credential, String secret) {

    @Override
    public String toString() {
        return "IssuedCredential[credential=" + credential + ", secret withheld]";
    }
}
