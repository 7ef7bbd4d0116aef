package receivables.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import receivables.api.provider.ProviderDescription;

/**
 * What a provider's Declarative Services component description ({@code OSGI-INF/<component name>.xml}, written by
 * bnd from the {@code @Component} and {@code @ProviderDescription} annotations) says about it: what the core reads
 * when the provider's service appears, before it ever calls it.
 *
 * @param componentName the component's name, by default the implementation class's name
 * @param properties    every component property, a value per line for arrays
 * @param services      the interfaces it is registered under
 */
public record ProviderMetadata(String componentName, String implementation, Map<String, List<String>> properties,
        List<String> services) {

    public ProviderMetadata {
        properties = Map.copyOf(properties);
        services = List.copyOf(services);
    }

    /**
     * Reads {@code OSGI-INF/<componentName>.xml} through the class loader of {@code implementation}.
     *
     * @throws IllegalStateException when there is none or it cannot be read: the build did not run bnd on the class
     */
    public static ProviderMetadata of(Class<?> implementation, String componentName) {
        String resource = "OSGI-INF/" + componentName + ".xml";
        URL url = implementation.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no " + resource + " beside " + implementation.getName()
                    + ": build the provider with bnd-maven-plugin and the DS annotations (see the provider template)");
        }
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            Map<String, List<String>> properties = new TreeMap<>();
            NodeList propertyElements = root.getElementsByTagName("property");
            for (int i = 0; i < propertyElements.getLength(); i++) {
                Element property = (Element) propertyElements.item(i);
                String text = property.hasAttribute("value") ? property.getAttribute("value") : property.getTextContent();
                List<String> values = new ArrayList<>();
                for (String line : text.split("\\R")) {
                    if (!line.isBlank()) {
                        values.add(line.trim());
                    }
                }
                properties.put(property.getAttribute("name"), values);
            }
            List<String> services = new ArrayList<>();
            NodeList provides = root.getElementsByTagName("provide");
            for (int i = 0; i < provides.getLength(); i++) {
                services.add(((Element) provides.item(i)).getAttribute("interface"));
            }
            NodeList implementations = root.getElementsByTagName("implementation");
            String implementationClass = implementations.getLength() == 0 ? ""
                    : ((Element) implementations.item(0)).getAttribute("class");
            return new ProviderMetadata(root.getAttribute("name"), implementationClass, properties, services);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The values of a {@code receivables.provider.*} property, e.g. {@link ProviderDescription#CURRENCIES}. */
    public List<String> values(String property) {
        return properties.getOrDefault(property, List.of());
    }

    /** The single value of a property, or {@code ""}. */
    public String value(String property) {
        List<String> values = values(property);
        return values.isEmpty() ? "" : values.get(0);
    }

    public String id() {
        return value(ProviderDescription.ID);
    }

    public boolean partialRefunds() {
        return Boolean.parseBoolean(value(ProviderDescription.PARTIAL_REFUNDS));
    }
}
