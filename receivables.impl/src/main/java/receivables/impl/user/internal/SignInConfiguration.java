package receivables.impl.user.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "receivables sign-in",
        description = "How built-in users sign in: backoff and lockout after failed attempts, session timeouts, "
                + "password rules.")
@interface SignInConfiguration {

    String PID = "receivables.signin";

    @AttributeDefinition(name = "Failures before lockout",
            description = "Consecutive failed sign-ins of one user name after which it is locked out")
    int lockoutAfterFailures() default 5;

    @AttributeDefinition(name = "Lockout (seconds)",
            description = "How long a locked-out user name is refused, even with the right password")
    int lockoutSeconds() default 900;

    @AttributeDefinition(name = "Backoff (seconds)",
            description = "After the n-th consecutive failure (before lockout) the user name is refused for this many "
                    + "seconds times 2^(n-1); 0 turns the backoff off")
    int backoffSeconds() default 1;

    @AttributeDefinition(name = "Session idle timeout (seconds)",
            description = "A session not used for this long ends")
    int sessionIdleSeconds() default 1800;

    @AttributeDefinition(name = "Session lifetime (seconds)",
            description = "A session ends this long after sign-in however busy it is")
    int sessionAbsoluteSeconds() default 43200;

    @AttributeDefinition(name = "One-time password lifetime (seconds)",
            description = "How long a one-time password a tenant admin set works")
    int oneTimePasswordSeconds() default 259200;

    @AttributeDefinition(name = "Minimum password length",
            description = "Passwords users choose have at least this many characters (NIST SP 800-63B asks for 8 or "
                    + "more; 12 by default)")
    int minimumPasswordLength() default 12;

    @AttributeDefinition(name = "Cleanup interval (seconds)",
            description = "How often ended sessions and the sign-in bookkeeping of untried user names are deleted, "
                    + "for each tenant by one node at a time")
    int cleanupIntervalSeconds() default 300;

    @AttributeDefinition(name = "Forget untried user names after (seconds)",
            description = "The failed sign-ins of a user name (known or not) are forgotten once nobody tried it for "
                    + "this long and it is not locked out; at least the lockout")
    int forgetUntriedNamesSeconds() default 86400;
}
