package receivables.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.RawNotification;
import receivables.testkit.SignedLinkProvider.Flaw;

/**
 * The suite passes a provider that keeps the SPI's promises, and each promise broken fails exactly the check
 * that names it: the checks can fail.
 */
class ProviderConformanceTest {

    @Test
    void aProviderThatKeepsThePromisesPassesEveryApplicableCheck() {
        Map<String, String> results = run(Conforming.class);
        assertEquals("SUCCESSFUL", results.get("theSameRefundTwiceRefundsOnce"));
        assertEquals("ABORTED", results.get("queryAnswersAboutTheStartedAndThePaidIntent"), "no PaymentQuery: skipped");
        assertEquals(Set.of(), failed(results), results.toString());
    }

    @Test
    void eachBrokenPromiseFailsItsCheck() {
        assertEquals(Set.of("aForgedNotificationIsRejectedAsABadSignature"), failed(run(TrustsForgeries.class)));
        assertEquals(Set.of("aMissingOrUnreadableSettingIsATypedFailure", "noSecretInAnythingTheProviderSays"),
                failed(run(ThrowsOnABadSetting.class)));
        assertEquals(Set.of("theSameRefundTwiceRefundsOnce"), failed(run(RefundsTwice.class)));
        assertEquals(Set.of("noSecretInAnythingTheProviderSays"), failed(run(SaysItsSecret.class)));
        assertEquals(Set.of("aNotificationForAnotherAmountThanTheIntentsIsRejected"), failed(run(IgnoresTheAmount.class)));
    }

    private static Set<String> failed(Map<String, String> results) {
        Set<String> failed = new TreeSet<>();
        results.forEach((test, result) -> {
            if (result.equals("FAILED")) {
                failed.add(test);
            }
        });
        return failed;
    }

    /** Runs the suite on one fixture: each check's name and result. */
    private static Map<String, String> run(Class<?> fixture) {
        Map<String, String> results = new TreeMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                                .ifPresent(method -> results.put(method.getMethodName(), result.getStatus().name()));
                    }

                    @Override
                    public void executionSkipped(TestIdentifier test, String reason) {
                        test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                                .ifPresent(method -> results.put(method.getMethodName(), "SKIPPED"));
                    }
                });
        return results;
    }

    /** The fixture a vendor writes, here for {@link SignedLinkProvider} with the flaws a subclass names. */
    static class Conforming extends ProviderConformance {

        private final SignedLinkProvider.Channel channel = new SignedLinkProvider.Channel();

        Set<Flaw> flaws() {
            return EnumSet.noneOf(Flaw.class);
        }

        @Override
        protected PaymentProvider provider() {
            return new SignedLinkProvider(channel, flaws());
        }

        @Override
        protected ProviderContext context() {
            return ProviderContextBuilder.forProvider("signed-link").setting("pageUrl", "https://pay.example/link")
                    .setting("signingKey", "s3cret-signing-key").build();
        }

        @Override
        protected Set<String> secretSettings() {
            return Set.of("signingKey");
        }

        @Override
        protected Optional<RawNotification> paidNotification(ProviderContext context, PaymentIntent started) {
            return Optional.of(notification(started, context.settings().get("signingKey")));
        }

        @Override
        protected Optional<RawNotification> forgedNotification(ProviderContext context, PaymentIntent started) {
            return Optional.of(notification(started, "a-guessed-key"));
        }

        @Override
        protected Optional<Money> refundedAtChannel(ProviderContext context, PaymentIntent intent) {
            return Optional.of(channel.refunds.values().stream().reduce(Money.zero(intent.amount().currency()), Money::plus));
        }

        private static RawNotification notification(PaymentIntent intent, String key) {
            String body = "intent=" + intent.id() + "&amount=" + intent.amount().amount().toPlainString() + "&currency="
                    + intent.amount().currency();
            return RawNotificationBuilder.post().header("X-Signature", SignedLinkProvider.sign(key, body)).body(body).build();
        }
    }

    static class TrustsForgeries extends Conforming {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.TRUSTS_FORGERIES);
        }
    }

    static class ThrowsOnABadSetting extends Conforming {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.THROWS_ON_A_BAD_SETTING);
        }
    }

    static class RefundsTwice extends Conforming {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.REFUNDS_TWICE);
        }
    }

    static class SaysItsSecret extends Conforming {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.SAYS_ITS_SECRET);
        }
    }

    static class IgnoresTheAmount extends Conforming {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.IGNORES_THE_AMOUNT);
        }
    }
}
