package receivables.api.people;

import java.util.Set;

/**
 * What a tenant admin sends to create or change a user. Validated by {@link Users}; any field may be {@code null}
 * here and is reported when required.
 *
 * @param username    required when creating, 1 to 64 of lower-case letters, digits, '.', '_', '-' and '@'; a user
 *                    keeps the name they were created with
 * @param displayName required, at most 200 characters
 * @param email       optional, a plausible e-mail address; personal data
 * @param roles       required, may be empty (such a user signs in but reaches nothing that needs a role)
 * @param enabled     {@code null} means enabled
 */
public record UserRequest(String username, String displayName, String email, Set<Role> roles, Boolean enabled) {

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", displayName=" + displayName + ", roles=" + roles
                + ", enabled=" + enabled + ", personal data withheld]";
    }
}
