package receivables.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint of every REST resource the reference host registers, read from the host as shipped: the
 * Declarative Services descriptors in its {@code receivables.*} bundles name the components registered as
 * Jakarta REST whiteboard resources, and reflection over their classes (loaded from the host's own jars) gives
 * each method's HTTP method, path, parameters and body type. A new resource or method is covered without
 * touching the tests.
 */
final class RestEndpoints {

    /** The application base of the receivables REST API. */
    static final String BASE = "/api/v1/";

    private static final Pattern RESOURCE_COMPONENT = Pattern.compile(
            "name=\"osgi\\.jakartars\\.resource\"[^>]*value=\"true\"", Pattern.DOTALL);
    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation class=\"([^\"]+)\"");
    private static final String PERMITTED = "receivables.impl.rest.internal.Permitted";
    private static final String CREDENTIALS_OPTIONAL = "receivables.impl.rest.internal.CredentialsOptional";
    private static final String PLATFORM_ONLY = "receivables.impl.rest.internal.PlatformOnly";
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** One parameter of an endpoint as the client sends it. */
    record Slot(Kind kind, String name, Type type) {
    }

    enum Kind { PATH, QUERY, HEADER, BODY }

    /**
     * One resource method.
     *
     * @param consumes            the media types it takes, empty when it declares none
     * @param permitted           the roles its {@code @Permitted} names, empty when it names none
     * @param credentialsOptional whether it answers callers without credentials
     * @param platformOnly        whether it answers platform administrators only, and no tenant's caller
     */
    record Endpoint(String httpMethod, String path, List<Slot> slots, List<String> consumes, List<String> permitted,
            boolean credentialsOptional, boolean platformOnly) {

        @Override
        public String toString() {
            return httpMethod + " " + path;
        }
    }

    private RestEndpoints() {
    }

    /** The endpoints of the exported reference host in {@code runtime}, sorted by path and method. */
    static List<Endpoint> of(Path runtime) {
        List<Path> jars;
        try (var files = Files.list(runtime.resolve("jar"))) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("run 'mvn package' first: the test reads the exported reference host", e);
        }
        // The whole host on one flat class path, so that the resources' signatures resolve; never closed, since
        // the endpoints keep its classes.
        URLClassLoader classes = new URLClassLoader(jars.stream().map(RestEndpoints::url).toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Path jar : jars) {
            if (jar.getFileName().toString().startsWith("receivables.")) {
                for (String resource : resourceClasses(jar)) {
                    endpoints.addAll(endpointsOf(load(classes, resource)));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return List.copyOf(endpoints);
    }

    private static List<String> resourceClasses(Path jar) {
        List<String> resources = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        String descriptor = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        Matcher implementation = IMPLEMENTATION.matcher(descriptor);
                        if (RESOURCE_COMPONENT.matcher(descriptor).find() && implementation.find()) {
                            resources.add(implementation.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    private static List<Endpoint> endpointsOf(Class<?> resource) {
        String root = pathOf(resource.getAnnotations());
        List<String> classConsumes = consumesOf(resource.getAnnotations());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            String sub = pathOf(method.getAnnotations());
            String path = BASE + join(root, sub);
            List<Slot> slots = new ArrayList<>();
            for (Parameter parameter : method.getParameters()) {
                Slot slot = slotOf(parameter);
                if (slot != null) {
                    slots.add(slot);
                }
            }
            List<String> consumes = consumesOf(method.getAnnotations());
            boolean optional = annotated(resource.getAnnotations(), CREDENTIALS_OPTIONAL)
                    || annotated(method.getAnnotations(), CREDENTIALS_OPTIONAL);
            boolean platformOnly = annotated(resource.getAnnotations(), PLATFORM_ONLY)
                    || annotated(method.getAnnotations(), PLATFORM_ONLY);
            endpoints.add(new Endpoint(httpMethod, path, List.copyOf(slots), consumes.isEmpty() ? classConsumes : consumes,
                    permittedOf(method.getAnnotations()), optional, platformOnly));
        }
        return endpoints;
    }

    /** A parameter the client fills: path, query, header, or (unannotated) the body; {@code @Context} ones are not. */
    private static Slot slotOf(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = annotation.annotationType().getName();
            switch (name) {
                case "jakarta.ws.rs.PathParam":
                    return new Slot(Kind.PATH, value(annotation), parameter.getParameterizedType());
                case "jakarta.ws.rs.QueryParam":
                    return new Slot(Kind.QUERY, value(annotation), parameter.getParameterizedType());
                case "jakarta.ws.rs.HeaderParam":
                    return new Slot(Kind.HEADER, value(annotation), parameter.getParameterizedType());
                case "jakarta.ws.rs.core.Context", "jakarta.ws.rs.BeanParam", "jakarta.ws.rs.CookieParam",
                        "jakarta.ws.rs.FormParam", "jakarta.ws.rs.MatrixParam":
                    return null;
                default:
                    break;
            }
        }
        return new Slot(Kind.BODY, "body", parameter.getParameterizedType());
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")) {
                    String verb = value(meta);
                    return HTTP_METHODS.contains(verb) ? verb : null;
                }
            }
        }
        return null;
    }

    private static boolean annotated(Annotation[] annotations, String type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> permittedOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(PERMITTED)) {
                try {
                    Object[] roles = (Object[]) annotation.annotationType().getMethod("value").invoke(annotation);
                    return Arrays.stream(roles).map(role -> ((Enum<?>) role).name()).toList();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(annotation + " has no roles", e);
                }
            }
        }
        return List.of();
    }

    private static String pathOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                return value(annotation);
            }
        }
        return "";
    }

    private static List<String> consumesOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Consumes")) {
                return List.of(values(annotation));
            }
        }
        return List.of();
    }

    private static String join(String root, String sub) {
        String trimmedRoot = root.replaceAll("^/+|/+$", "");
        String trimmedSub = sub.replaceAll("^/+|/+$", "");
        return trimmedSub.isEmpty() ? trimmedRoot : trimmedRoot + "/" + trimmedSub;
    }

    private static String value(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(annotation + " has no value", e);
        }
    }

    private static String[] values(Annotation annotation) {
        try {
            return (String[]) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(annotation + " has no values", e);
        }
    }

    private static Class<?> load(ClassLoader classes, String name) {
        try {
            return classes.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a resource the host registers cannot be loaded: " + name, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
