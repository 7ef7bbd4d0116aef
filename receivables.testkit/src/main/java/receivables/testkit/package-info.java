/**
 * The vendor's test kit for payment providers: builders for the records of {@code receivables.api.provider} and
 * {@code receivables.api.intent} with sensible defaults ({@link receivables.testkit.PaymentIntentBuilder},
 * {@link receivables.testkit.ProviderContextBuilder}, {@link receivables.testkit.RawNotificationBuilder}), an
 * {@link receivables.api.provider.IntentLookup} over a few intents ({@link receivables.testkit.KnownIntents}), and
 * {@link receivables.testkit.ProviderConformance}, the JUnit 5 suite a provider's own test extends to check what
 * the SPI's javadoc promises the core.
 * 1.1: {@link receivables.testkit.StandardWebhooks}, how a receiver checks a webhook delivery's signature, and
 * {@link receivables.testkit.LoopbackGateway}, the skeleton of an emulated remote service (a payment or SMS gateway)
 * on loopback.
 */
@Export
@Version("1.1.0")
package receivables.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
