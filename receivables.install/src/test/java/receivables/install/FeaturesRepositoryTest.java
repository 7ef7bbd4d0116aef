package receivables.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Karaf features repository, as this build filters it, carries the reference host's bundles: each of its
 * bundles exists at that version and is one of -runbundles (or the example provider), and each bundle of
 * -runbundles is in a feature or is one that Karaf itself provides. A bundle added to the reference host without
 * a place in the features fails here.
 */
class FeaturesRepositoryTest {

    /** Bundles of the reference host that a stock Karaf replaces by its own, and by what. */
    static final Map<String, String> KARAF_PROVIDES = Map.ofEntries(
            Map.entry("org.apache.felix.configadmin", "Karaf's startup bundles"),
            Map.entry("org.apache.felix.metatype", "Karaf's startup bundles"),
            Map.entry("org.apache.felix.fileinstall", "Karaf's startup bundles (etc/ and deploy/)"),
            Map.entry("org.apache.felix.eventadmin", "feature eventadmin"),
            Map.entry("org.apache.felix.gogo.runtime", "Karaf's shell"),
            Map.entry("org.apache.felix.gogo.command", "Karaf's shell"),
            Map.entry("org.apache.felix.gogo.shell", "Karaf's shell"),
            Map.entry("slf4j.api", "pax-logging"),
            Map.entry("slf4j.simple", "pax-logging"),
            Map.entry("org.apache.aries.spifly.dynamic.framework.extension", "feature spifly (a bundle, not a framework extension)"),
            Map.entry("org.apache.felix.webconsole", "not installed: Karaf's own console is Pax Web on javax servlets"),
            Map.entry("org.apache.felix.inventory", "the Felix web console's"),
            Map.entry("org.owasp.encoder", "the Felix web console's"));

    /** Bundles of the features that the reference host does not run. */
    static final Set<String> NOT_IN_REFERENCE_HOST = Set.of("receivables.payments.paylink");

    @Test
    void theFeaturesCarryTheReferenceHostsBundles() throws Exception {
        Map<String, String> runbundles = RuntimeSet.runbundles();
        List<String> wrong = new ArrayList<>();
        Set<String> carried = new TreeSet<>();
        for (var feature : features().entrySet()) {
            for (String url : feature.getValue()) {
                RuntimeSet.Identity bundle = RuntimeSet.Identity.of(Coordinates.ofUrl(url).file());
                carried.add(bundle.symbolicName());
                String lowest = runbundles.get(bundle.symbolicName());
                if (NOT_IN_REFERENCE_HOST.contains(bundle.symbolicName())) {
                    continue;
                }
                if (lowest == null || !bundle.matches(lowest)) {
                    wrong.add(feature.getKey() + ": " + url + " is " + bundle + ", -runbundles has "
                            + (lowest == null ? "no such bundle" : lowest));
                }
                if (KARAF_PROVIDES.containsKey(bundle.symbolicName())) {
                    wrong.add(feature.getKey() + ": " + url + " is provided by Karaf");
                }
            }
        }
        assertThat(wrong).isEmpty();
        Set<String> missing = new TreeSet<>(runbundles.keySet());
        missing.removeAll(carried);
        missing.removeAll(KARAF_PROVIDES.keySet());
        assertThat(missing).as("bundles of -runbundles in no feature").isEmpty();
        assertThat(carried).containsAll(NOT_IN_REFERENCE_HOST);
    }

    /** Feature name to the {@code mvn:} URLs of its bundles. */
    static Map<String, List<String>> features() throws Exception {
        Path file = Path.of(System.getProperty("receivables.install.features", "target/features/features.xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList features = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "feature");
        Map<String, List<String>> bundles = new LinkedHashMap<>();
        for (int i = 0; i < features.getLength(); i++) {
            Element feature = (Element) features.item(i);
            if (!feature.hasAttribute("name")) {
                continue; // a dependency on another feature
            }
            List<String> urls = new ArrayList<>();
            NodeList children = feature.getElementsByTagNameNS("*", "bundle");
            for (int j = 0; j < children.getLength(); j++) {
                urls.add(children.item(j).getTextContent().trim());
            }
            bundles.put(feature.getAttribute("name"), urls);
        }
        return bundles;
    }
}
