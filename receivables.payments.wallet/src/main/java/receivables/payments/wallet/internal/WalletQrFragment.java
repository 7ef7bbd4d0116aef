package receivables.payments.wallet.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * Shows a wallet intent's QR code where the shell places payment instructions. The same service carries
 * the whiteboard resource that serves the fragment's script from this bundle, so the fragment is listed
 * exactly while its script is served.
 */
@Component(service = UiFragment.class)
@HttpWhiteboardResource(pattern = WalletQrFragment.PATTERN, prefix = "/fragments/wallet")
public class WalletQrFragment implements UiFragment {

    static final String PATTERN = "/receivables/fragments/wallet/*";

    @Override
    public String id() {
        return "wallet.qr";
    }

    @Override
    public String slot() {
        return "payment.instructions";
    }

    @Override
    public String title() {
        return "Pay by QR wallet";
    }

    @Override
    public String resourcePath() {
        return "/receivables/fragments/wallet/qr.js";
    }

    @Override
    public String feature() {
        return "provider:" + QrWalletProvider.ID;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.CLERK, Role.COLLECTOR, Role.FINANCE_MANAGER);
    }
}
