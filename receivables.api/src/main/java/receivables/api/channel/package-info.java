/**
 * The notice-channel SPI: how dunning notices reach customers (e-mail, SMS, letters). A channel is a bundle that
 * registers a {@link receivables.api.channel.NoticeChannel} service and can be installed, replaced and removed while
 * the host runs. 2.0: the tenant's settings come with each delivery ({@link receivables.api.channel.ChannelContext}),
 * and a notice carries an HTML body and attachments.
 * 2.1: a channel declares the kind of address it sends to ({@link receivables.api.channel.AddressKind}).
 * 2.2: {@link receivables.api.channel.ChannelContext} reads a setting as text or as a bounded number.
 */
@Export
@Version("2.2.0")
package receivables.api.channel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
