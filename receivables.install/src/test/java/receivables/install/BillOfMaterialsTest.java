package receivables.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * receivables-bom lists exactly the bundles of the reference host: each coordinate is a bundle that -runbundles
 * names at that version, and each bundle of -runbundles has a coordinate. A bundle added to or upgraded in the
 * reference host without the BOM following (or the other way round) fails here.
 */
class BillOfMaterialsTest {

    @Test
    void theBillOfMaterialsIsTheReferenceHostsRunbundles() throws Exception {
        Map<String, String> runbundles = RuntimeSet.runbundles();
        Map<String, Coordinates> listed = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Coordinates coordinates : BillOfMaterials.read()) {
            RuntimeSet.Identity bundle = RuntimeSet.Identity.of(coordinates.file());
            String lowest = runbundles.get(bundle.symbolicName());
            if (lowest == null || !bundle.matches(lowest)) {
                wrong.add(coordinates + " is " + bundle + ", -runbundles has " + (lowest == null ? "no such bundle" : lowest));
            }
            Coordinates twice = listed.put(bundle.symbolicName(), coordinates);
            if (twice != null) {
                wrong.add(coordinates + " and " + twice + " are both " + bundle.symbolicName());
            }
        }
        assertThat(wrong).as("BOM entries that are not the reference host's bundles").isEmpty();
        assertThat(listed.keySet()).as("bundles of -runbundles and of the BOM").containsExactlyInAnyOrderElementsOf(runbundles.keySet());
    }
}
