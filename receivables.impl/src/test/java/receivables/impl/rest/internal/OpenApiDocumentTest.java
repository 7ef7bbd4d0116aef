package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The OpenAPI document against the resource classes it is read from: every resource method is an operation with
 * its parameters and roles, every status of success a method builds itself is the one it declares, every problem
 * type the code answers is described and none other, and the whole is valid OpenAPI 3.1 by swagger-parser.
 */
class OpenApiDocumentTest {

    private static final Path SOURCES = Path.of("src/main/java/receivables/impl/rest/internal");
    private static List<Class<?>> resources;
    private static ObjectNode document;

    @BeforeAll
    static void describe() throws IOException {
        resources = PermissionTableTest.resources();
        document = new OpenApiDocument(JsonBodies.mapper()).describe("test", resources);
    }

    @Test
    void everyResourceMethodIsAnOperationWithItsParametersAndRoles() {
        int operations = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                if (EndpointPermission.of(resource, method).isEmpty()) {
                    continue;
                }
                String endpoint = EndpointPermission.of(resource, method).orElseThrow().endpoint();
                String verb = endpoint.substring(0, endpoint.indexOf(' '));
                String path = endpoint.substring(endpoint.indexOf(' ') + 1);
                JsonNode operation = document.path("paths").path(path).path(verb.toLowerCase());
                assertThat(operation.isObject()).as(endpoint + " is described").isTrue();
                assertThat(parametersOf(operation)).as(endpoint + "'s parameters").containsAll(parametersOf(method));
                if (!method.isAnnotationPresent(CredentialsOptional.class)
                        && !resource.isAnnotationPresent(CredentialsOptional.class)) {
                    List<String> roles = new ArrayList<>();
                    operation.path("x-permitted-roles").forEach(role -> roles.add(role.asText()));
                    assertThat(roles).as(endpoint + "'s roles").containsExactlyInAnyOrderElementsOf(
                            EndpointPermission.of(resource, method).orElseThrow().roles().stream().map(Enum::name).toList());
                    assertThat(operation.path("responses").has("403")).as(endpoint + " may refuse with 403").isTrue();
                }
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(90);
        assertThat(document.path("paths").path("/openapi.json").has("get")).as("the document describes itself").isTrue();
    }

    @Test
    void noOperationHasAParameterItsMethodsDoNotTake() {
        Set<String> described = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> parametersOf(operation.getValue()).forEach(parameter ->
                        described.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + parameter))));
        Set<String> taken = new TreeSet<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                EndpointPermission.of(resource, method).ifPresent(row -> parametersOf(method)
                        .forEach(parameter -> taken.add(row.endpoint() + " " + parameter)));
            }
        }
        assertThat(described).isEqualTo(taken);
    }

    @Test
    void everyMethodThatBuildsItsOwnResponseDeclaresTheStatusItBuilds() throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        for (Class<?> resource : resources) {
            String source = Files.readString(SOURCES.resolve(resource.getSimpleName() + ".java"), StandardCharsets.UTF_8);
            for (Method method : resource.getMethods()) {
                if (EndpointPermission.of(resource, method).isEmpty() || method.getReturnType() != Response.class) {
                    continue;
                }
                Set<Integer> declared = new TreeSet<>();
                for (Answers answers : method.getAnnotationsByType(Answers.class)) {
                    declared.add(answers.value());
                }
                String name = resource.getSimpleName() + "." + method.getName();
                Set<Integer> built = statusesBuiltBy(source, method.getName());
                if (declared.isEmpty()) {
                    wrong.put(name, "returns a Response without @Answers");
                } else if (!declared.containsAll(built)) {
                    wrong.put(name, "builds " + built + " but declares " + declared);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theProblemTypesAreThoseTheCodeAnswers() throws IOException {
        Set<String> answered = new TreeSet<>();
        Pattern literal = Pattern.compile("TYPE_PREFIX \\+ \"([a-z-]+)\"|refusal\\(\\d+, \"([a-z-]+)\"|"
                + "refusal\\([^,]+, \"([a-z-]+)\"");
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher matcher = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    answered.add(Problem.TYPE_PREFIX + Stream.of(matcher.group(1), matcher.group(2), matcher.group(3))
                            .filter(group -> group != null).findFirst().orElseThrow());
                }
            }
        }
        Set<String> described = new TreeSet<>();
        document.findValues("x-problem-types").forEach(types -> types.forEach(type -> described.add(type.asText())));
        described.remove("about:blank");
        assertThat(answered).hasSizeGreaterThan(10);
        assertThat(described).isEqualTo(answered);
    }

    @Test
    void isValidOpenApi31() throws IOException {
        // Kept for a look and for the reference page's script checks.
        Files.writeString(Path.of("target/openapi.json"), document.toPrettyString(), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toPrettyString(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThan(60);
    }

    @Test
    void theCommandsThatMayWaitForApprovalListTheir202WithTheRequest() {
        for (String command : List.of("/paths/~1invoices~1{id}~1credit-notes/post", "/paths/~1invoices~1{id}~1write-off/post",
                "/paths/~1customers~1{id}/put")) {
            JsonNode responses = document.at(command + "/responses");
            assertThat(responses.has("201") || responses.has("200")).as(command).isTrue();
            assertThat(responses.at("/202/content/application~1json/schema/$ref").asText()).as(command)
                    .isEqualTo("#/components/schemas/ApprovalRequest");
        }
    }

    @Test
    void describesBodiesAsTheMapperWritesThem() {
        JsonNode money = document.path("components").path("schemas").path("Money").path("properties");
        assertThat(money.has("amount")).isTrue();
        assertThat(money.has("currency")).isTrue();
        assertThat(money.has("zero")).as("Money's sign tests are no fields").isFalse();
        JsonNode created = document.at("/paths/~1customers/post/responses/201/content/application~1json/schema/$ref");
        assertThat(created.asText()).isEqualTo("#/components/schemas/CustomerAccount");
        JsonNode upload = document.at("/paths/~1bank-statements/post/requestBody/content");
        assertThat(upload.has("application/xml")).as("the media types of both upload methods").isTrue();
        assertThat(upload.has("*/*")).isTrue();
    }

    @Test
    void theSameResourcesGiveTheSameDocument() throws IOException {
        List<Class<?>> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        assertThat(new OpenApiDocument(JsonBodies.mapper()).describe("test", reversed)).isEqualTo(document);
    }

    /** The statuses every response builder in the method's body gives; none when it builds none of them. */
    private static Set<Integer> statusesBuiltBy(String source, String method) {
        Matcher start = Pattern.compile("public Response " + method + "\\(").matcher(source);
        Set<Integer> statuses = new TreeSet<>();
        if (!start.find()) {
            return statuses;
        }
        int end = source.indexOf("\n    }\n", start.end());
        String body = source.substring(start.end(), end < 0 ? source.length() : end);
        Map<String, Integer> builders = Map.of("Response.created(", 201, "Response.accepted(", 202, "Response.noContent(",
                204, "Response.ok(", 200, ".respond(", 200);
        builders.forEach((builder, status) -> {
            if (body.contains(builder)) {
                statuses.add(status);
            }
        });
        Matcher status = Pattern.compile("Response\\.status\\((\\d{3})").matcher(body);
        while (status.find()) {
            statuses.add(Integer.parseInt(status.group(1)));
        }
        return statuses;
    }

    private static Set<String> parametersOf(JsonNode operation) {
        Set<String> parameters = new TreeSet<>();
        operation.path("parameters").forEach(parameter -> parameters.add(parameter.path("in").asText() + " "
                + parameter.path("name").asText()));
        return parameters;
    }

    private static Set<String> parametersOf(Method method) {
        Set<String> parameters = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                parameters.add("path " + parameter.getAnnotation(PathParam.class).value());
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                parameters.add("query " + parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.isAnnotationPresent(CookieParam.class)) {
                parameters.add("cookie " + parameter.getAnnotation(CookieParam.class).value());
            } else if (parameter.isAnnotationPresent(HeaderParam.class)
                    && !parameter.getAnnotation(HeaderParam.class).value().equalsIgnoreCase("Content-Type")) {
                parameters.add("header " + parameter.getAnnotation(HeaderParam.class).value());
            }
        }
        return parameters;
    }
}
