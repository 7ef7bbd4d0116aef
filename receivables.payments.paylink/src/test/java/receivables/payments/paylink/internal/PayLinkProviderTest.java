package receivables.payments.paylink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RejectedNotification;

class PayLinkProviderTest {

    static final ProviderContext CONTEXT = new ProviderContext(new TenantId("acme"),
            Map.of("pageUrl", "https://pay.example/link", "signingKey", "k3y"),
            URI.create("https://ar.example/api/v1/payments/notifications/paylink?tenant=acme"));
    final PayLinkProvider provider = new PayLinkProvider();
    final PaymentIntent intent = new PaymentIntent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "paylink",
            "PAYLINK", Money.of("119.00", "EUR"), "INV-2026-000001", IntentStatus.PENDING, null, null, null,
            Money.zero("EUR"), null, Instant.now(), Instant.now(), List.of(), List.of());
    final IntentLookup lookup = new IntentLookup() {
        @Override
        public Optional<PaymentIntent> byId(UUID intentId) {
            return intent.id().equals(intentId) ? Optional.of(intent) : Optional.empty();
        }

        @Override
        public Optional<PaymentIntent> byProviderReference(String providerReference) {
            return Optional.empty();
        }
    };

    @Test
    void theLinkCarriesTheIntentAmountAndWhereToNotifySigned() throws Exception {
        URI link = provider.start(CONTEXT, intent).redirectUrl();

        assertThat(link.toString()).startsWith("https://pay.example/link?intent=" + intent.id() + "&amount=119.00&currency=EUR"
                + "&notify=https%3A%2F%2Far.example%2Fapi%2Fv1%2Fpayments%2Fnotifications%2Fpaylink%3Ftenant%3Dacme&sig=");
        String query = link.getRawQuery();
        assertThat(query.substring(query.indexOf("&sig=") + 5))
                .isEqualTo(PayLinkProvider.sign("k3y", query.substring(0, query.indexOf("&sig="))));
    }

    @Test
    void aSignedNotificationOfTheRightAmountIsTrustedAndAnythingElseRejected() throws Exception {
        String paid = "intent=" + intent.id() + "&status=paid&amount=119.00&currency=EUR&paid_at=2026-03-10T10:00:00Z";

        var verified = provider.verify(CONTEXT, notification(paid, PayLinkProvider.sign("k3y", paid)), lookup);

        assertThat(verified.report().outcome()).isEqualTo(ProviderOutcome.SUCCEEDED);
        assertThat(verified.report().amount()).isEqualTo(Money.of("119.00", "EUR"));
        assertRejected(notification(paid, PayLinkProvider.sign("guess", paid)), RejectedNotification.Reason.BAD_SIGNATURE);
        String less = paid.replace("119.00", "19.00");
        assertRejected(notification(less, PayLinkProvider.sign("k3y", less)), RejectedNotification.Reason.MISMATCH);
        String unknown = paid.replace(intent.id().toString(), UUID.randomUUID().toString());
        assertRejected(notification(unknown, PayLinkProvider.sign("k3y", unknown)), RejectedNotification.Reason.UNKNOWN_INTENT);
    }

    @Test
    void anAccountWithoutItsSettingsIsAnInvalidRequestNamingTheSetting() {
        ProviderContext noPage = new ProviderContext(new TenantId("acme"), Map.of("signingKey", "k3y"),
                URI.create("https://ar.example/api/v1/payments/notifications/paylink?tenant=acme"));

        assertThatThrownBy(() -> provider.start(noPage, intent)).isInstanceOfSatisfying(ProviderFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.INVALID_REQUEST))
                .hasMessageContaining("pageUrl").hasMessageNotContaining("k3y");
    }

    @Test
    void aPageThatIsNoUrlAndSignedNonsenseAreTypedFailuresNotExceptions() {
        ProviderContext badPage = new ProviderContext(new TenantId("acme"), Map.of("pageUrl", "https://pay example/%zz",
                "signingKey", "k3y"), URI.create("https://ar.example/api/v1/payments/notifications/paylink?tenant=acme"));
        assertThatThrownBy(() -> provider.start(badPage, intent)).isInstanceOfSatisfying(ProviderFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.INVALID_REQUEST))
                .hasMessageContaining("pageUrl");

        String lateNight = "intent=" + intent.id() + "&status=paid&amount=119.00&currency=EUR&paid_at=yesterday";
        assertRejected(notification(lateNight, PayLinkProvider.sign("k3y", lateNight)), RejectedNotification.Reason.MALFORMED);
        String badEscape = "intent=" + intent.id() + "&status=paid&amount=119.00&currency=EUR&reference=%zz";
        assertRejected(notification(badEscape, PayLinkProvider.sign("k3y", badEscape)), RejectedNotification.Reason.MALFORMED);
    }

    private void assertRejected(RawNotification notification, RejectedNotification.Reason reason) {
        assertThatThrownBy(() -> provider.verify(CONTEXT, notification, lookup))
                .isInstanceOfSatisfying(RejectedNotification.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static RawNotification notification(String body, String signature) {
        return new RawNotification("POST", Map.of(PayLinkProvider.SIGNATURE_HEADER, List.of(signature)), Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
