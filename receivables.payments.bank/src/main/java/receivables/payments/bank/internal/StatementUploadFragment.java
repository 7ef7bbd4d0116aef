package receivables.payments.bank.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * The clerk's screen to upload a bank-statement file (camt.052/053/054, MT940/MT942) and follow its import: lines
 * read, matched, suspended, skipped, known already, rejected and announced, the reader's warnings, each
 * statement's opening and closing balance, and where a rejected file breaks its format. The same
 * service carries the whiteboard resource that serves the script from this bundle, so the fragment is listed
 * exactly while its script is served; each bank fragment serves only its own file, so that the two never
 * register the same pattern.
 *
 * <p>The script is an ES module exporting {@code render(container, api)}: the shell hands it an empty element
 * and {@code api = { fetch(path, init) }}, which works as the browser's {@code fetch} for a path of this host
 * (e.g. {@code /api/v1/bank-statements}) with the tenant's credentials added, and resolves to the response.
 */
@Component(service = UiFragment.class)
@HttpWhiteboardResource(pattern = StatementUploadFragment.SCRIPT, prefix = "/fragments/bank/statements.js")
public class StatementUploadFragment implements UiFragment {

    static final String SCRIPT = "/receivables/fragments/bank/statements.js";
    /** The tenant feature that shows both bank screens. */
    static final String FEATURE = "bank-reconciliation";
    static final String SLOT = "payments";

    @Override
    public String id() {
        return "bank.statement-upload";
    }

    @Override
    public String slot() {
        return SLOT;
    }

    @Override
    public String title() {
        return "Bank statements";
    }

    @Override
    public String resourcePath() {
        return SCRIPT;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.CLERK);
    }
}
