package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import receivables.api.people.Role;

/**
 * The permission table in one place: each resource method's {@link Permitted}. The README's table is printed from
 * it, and this test fails when the two differ (run it with {@code -Dreceivables.readme.write=true} to rewrite the
 * README's table), when an endpoint declares no role, or when the auditor could change something or could not read
 * something.
 */
class PermissionTableTest {

    private static final Path README = Path.of("../README.md");
    private static final String BEGIN = "<!-- permission table: printed by PermissionTableTest -->";
    private static final String END = "<!-- end of permission table -->";

    @Test
    void everyEndpointButThoseWithoutCredentialsOrForThePlatformDeclaresItsRoles() throws IOException {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getMethods()) {
                boolean outside = outsideTheTable(resource, method);
                EndpointPermission.of(resource, method).filter(row -> !outside && row.roles().isEmpty())
                        .ifPresent(row -> undeclared.add(row.endpoint()));
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theAuditorReadsEverythingAndChangesNothing() throws IOException {
        for (EndpointPermission row : rows()) {
            assertThat(row.roles().contains(Role.AUDITOR)).as(row.endpoint())
                    .isEqualTo(row.endpoint().startsWith("GET "));
        }
    }

    @Test
    void theReadmeHoldsTheTable() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the README marks where the table goes").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String printed = BEGIN + "\n" + table() + END;
        String current = readme.substring(begin, end + END.length());
        if (Boolean.getBoolean("receivables.readme.write")) {
            Files.writeString(README, readme.replace(current, printed), StandardCharsets.UTF_8);
        } else {
            assertThat(current).as("run PermissionTableTest with -Dreceivables.readme.write=true").isEqualTo(printed);
        }
    }

    private static String table() throws IOException {
        StringBuilder table = new StringBuilder("| endpoint | " + Arrays.stream(Role.values())
                .map(role -> role.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(" | ")) + " |\n");
        table.append("| --- |").append(" :-: |".repeat(Role.values().length)).append('\n');
        for (EndpointPermission row : rows()) {
            table.append("| `").append(row.endpoint()).append("` |");
            for (Role role : Role.values()) {
                table.append(row.roles().contains(role) ? " ✓ |" : "  |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** The rows of every endpoint that needs credentials, by path then method. */
    private static List<EndpointPermission> rows() throws IOException {
        List<EndpointPermission> rows = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getMethods()) {
                if (!outsideTheTable(resource, method)) {
                    EndpointPermission.of(resource, method).ifPresent(rows::add);
                }
            }
        }
        // Methods that differ only in the media type they take are one endpoint of the table.
        return rows.stream().distinct()
                .sorted(Comparator.comparing((EndpointPermission row) -> row.endpoint().substring(row.endpoint().indexOf(' ')))
                        .thenComparing(EndpointPermission::endpoint))
                .toList();
    }

    /** Endpoints without credentials, and the platform administrators' endpoints, which no tenant role reaches. */
    private static boolean outsideTheTable(Class<?> resource, Method method) {
        return method.isAnnotationPresent(CredentialsOptional.class) || resource.isAnnotationPresent(CredentialsOptional.class)
                || method.isAnnotationPresent(PlatformOnly.class) || resource.isAnnotationPresent(PlatformOnly.class);
    }

    /** The resource classes of this bundle, found among its compiled classes. */
    static List<Class<?>> resources() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.toString().contains("$"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted()
                    .<Class<?>>map(PermissionTableTest::load)
                    .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PermissionTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
