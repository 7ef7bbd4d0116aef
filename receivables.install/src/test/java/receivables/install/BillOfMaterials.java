package receivables.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The coordinates {@code receivables-bom/pom.xml} manages, its properties filled in as Maven fills them. */
final class BillOfMaterials {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private BillOfMaterials() {
    }

    static List<Coordinates> read() throws Exception {
        Path pom = Path.of(System.getProperty("receivables.install.bom", "../receivables-bom/pom.xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        properties.put("project.version", child(project, "version").getTextContent().trim());
        Element declared = child(project, "properties");
        for (Node node = declared == null ? null : declared.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        List<Coordinates> coordinates = new ArrayList<>();
        Element dependencies = child(child(project, "dependencyManagement"), "dependencies");
        for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element dependency) {
                coordinates.add(Coordinates.jar(text(dependency, "groupId", properties), text(dependency, "artifactId", properties),
                        text(dependency, "version", properties)));
            }
        }
        return coordinates;
    }

    private static String text(Element parent, String name, Map<String, String> properties) {
        Matcher matcher = PROPERTY.matcher(child(parent, name).getTextContent().trim());
        StringBuilder value = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.get(matcher.group(1));
            if (replacement == null) {
                throw new AssertionError("the BOM uses ${" + matcher.group(1) + "} but does not define it");
            }
            matcher.appendReplacement(value, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(value).toString();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
