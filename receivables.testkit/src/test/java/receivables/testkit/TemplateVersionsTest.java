package receivables.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The provider template pins its versions, since it builds without this project's parent; they must be this
 * project's own, or a vendor's provider would be built against another API or bnd than the one released with it.
 */
class TemplateVersionsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theTemplatePinsTheVersionsOfThisBuild() throws Exception {
        Document project = parse(ROOT.resolve("pom.xml"));
        Document template = parse(ROOT.resolve("templates/provider-bundle/pom.xml"));
        Map<String, String> projectProperties = properties(project);
        Map<String, String> templateProperties = properties(template);

        assertEquals("", child(template.getDocumentElement(), "parent"), "the template has no parent");
        assertEquals(child(project.getDocumentElement(), "version"), templateProperties.get("receivables.version"),
                "receivables.version");
        assertEquals(projectProperties.get("bnd.version"), templateProperties.get("bnd.version"), "bnd.version");
        assertEquals(projectProperties.get("junit.version"), templateProperties.get("junit.version"), "junit.version");
        assertEquals(projectProperties.get("maven.compiler.release"), templateProperties.get("maven.compiler.release"),
                "maven.compiler.release");
        projectProperties.put("project.version", child(project.getDocumentElement(), "version"));
        Map<String, String> managed = versions(project, "dependency");
        Map<String, String> templateDependencies = versions(template, "dependency");
        assertFalse(templateDependencies.isEmpty());
        templateDependencies.forEach((dependency, version) -> {
            if (managed.containsKey(dependency)) {
                assertEquals(resolve(managed.get(dependency), projectProperties), resolve(version, templateProperties),
                        "version of " + dependency);
            }
        });
        assertEquals(managed.get("osgi.annotation"), templateProperties.get("osgi.annotation.version"), "osgi.annotation");
        Map<String, String> projectPlugins = versions(project, "plugin");
        Map<String, String> templatePlugins = versions(template, "plugin");
        assertFalse(templatePlugins.isEmpty());
        templatePlugins.forEach((plugin, version) -> {
            String expected = projectPlugins.get(plugin);
            assertEquals(expected == null ? null : resolve(expected, projectProperties), resolve(version, templateProperties),
                    "version of " + plugin + " (the project's pluginManagement has it, or it must not be in the template)");
        });
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList lists = pom.getDocumentElement().getElementsByTagName("properties");
        for (Node node = lists.item(0).getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                properties.put(element.getTagName(), element.getTextContent().trim());
            }
        }
        return properties;
    }

    /** The version of every dependency or plugin by artifactId, as written. */
    private static Map<String, String> versions(Document pom, String tag) {
        Map<String, String> versions = new LinkedHashMap<>();
        NodeList elements = pom.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String version = child(element, "version");
            if (!version.isEmpty()) {
                versions.put(child(element, "artifactId"), version);
            }
        }
        return versions;
    }

    private static String child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private static String resolve(String value, Map<String, String> properties) {
        return value.startsWith("${") ? properties.get(value.substring(2, value.length() - 1)) : value;
    }
}
