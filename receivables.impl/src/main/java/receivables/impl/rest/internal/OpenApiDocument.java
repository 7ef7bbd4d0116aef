package receivables.impl.rest.internal;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.people.Role;
import receivables.impl.user.internal.SessionCookie;

/**
 * The OpenAPI 3.1 description of the REST API, read from the resource classes as Jakarta REST serves them: every
 * resource method's path, HTTP method, path, query, header and cookie parameters, the media types it takes and
 * answers, its status of success ({@link Answers} where the signature cannot say), the problems the filters and the
 * exception mapper answer for its kind of endpoint, and the roles its {@link Permitted} grants it to. Bodies are
 * described as {@link JsonBodies}' mapper writes them, so a schema is what goes over the wire.
 */
final class OpenApiDocument {

    static final String VERSION = "3.1.0";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One resource method at its path. */
    private record Operation(String verb, String path, Class<?> resource, Method method) {
    }

    /** The document of the API that {@code resources} make up, in version {@code apiVersion}. */
    ObjectNode describe(String apiVersion, Collection<Class<?>> resources) {
        Schemas schemas = new Schemas();
        Map<String, Map<String, List<Operation>>> paths = new TreeMap<>();
        resources.stream().sorted(Comparator.comparing(Class::getName)).forEach(resource -> {
            for (Method method : sortedMethods(resource)) {
                EndpointPermission.of(resource, method).map(EndpointPermission::endpoint).ifPresent(endpoint -> {
                    String verb = endpoint.substring(0, endpoint.indexOf(' '));
                    String path = endpoint.substring(endpoint.indexOf(' ') + 1);
                    paths.computeIfAbsent(path, key -> new TreeMap<>())
                            .computeIfAbsent(verb.toLowerCase(), key -> new ArrayList<>())
                            .add(new Operation(verb, path, resource, method));
                });
            }
        });
        ObjectNode document = NODES.objectNode();
        document.put("openapi", VERSION);
        ObjectNode info = document.putObject("info");
        info.put("title", "receivables REST API");
        info.put("version", apiVersion);
        info.put("description", "Order-to-cash accounts receivable. Every request but those marked as needing no "
                + "credentials names its tenant in X-Tenant and presents a key or machine credential as a bearer "
                + "token, or a session cookie; an endpoint answers only the roles in its x-permitted-roles. Every "
                + "failure is an RFC 9457 problem (application/problem+json) whose type names the kind: "
                + String.join(", ", problemTypes(paths)) + ".");
        document.putArray("servers").addObject().put("url", "/" + RestApplication.BASE);
        ObjectNode pathItems = document.putObject("paths");
        Map<String, Integer> operationIds = new HashMap<>();
        paths.forEach((path, verbs) -> {
            ObjectNode item = pathItems.putObject(path);
            verbs.forEach((verb, operations) -> item.set(verb, operation(operations, schemas, operationIds)));
        });
        ObjectNode components = document.putObject("components");
        schemas.define(mapper.constructType(Problem.class), "Problem");
        components.set("schemas", schemas.definitions());
        components.set("securitySchemes", securitySchemes());
        return document;
    }

    /** Methods that differ only in the media type they take are one operation with several request media types. */
    private ObjectNode operation(List<Operation> operations, Schemas schemas, Map<String, Integer> operationIds) {
        Operation first = operations.get(0);
        ObjectNode operation = NODES.objectNode();
        String id = lowerFirst(first.resource().getSimpleName().replaceAll("Resource$", ""))
                + upperFirst(first.method().getName());
        int seen = operationIds.merge(id, 1, Integer::sum);
        operation.put("operationId", seen == 1 ? id : id + seen);
        operation.putArray("tags").add(first.path().split("/")[1]);
        boolean optional = credentialsOptional(first);
        List<String> roles = roles(first.method());
        operation.put("description", optional ? "Needs no credentials; credentials that are presented are checked."
                : roles.isEmpty() ? "Permitted to no role: nobody may call it."
                : "Permitted to " + roles.stream().map(role -> role.toLowerCase().replace('_', ' '))
                        .collect(Collectors.joining(", ")) + ".");
        if (!optional) {
            ArrayNode permitted = operation.putArray("x-permitted-roles");
            roles.forEach(permitted::add);
        }
        feature(first).ifPresent(feature -> operation.put("x-required-feature", feature));
        ArrayNode security = operation.putArray("security");
        if (optional) {
            security.addObject();
        }
        security.addObject().<ObjectNode>set("bearer", NODES.arrayNode()).set("tenant", NODES.arrayNode());
        security.addObject().set("session", NODES.arrayNode());

        Map<String, ObjectNode> parameters = new LinkedHashMap<>();
        ObjectNode requestContent = NODES.objectNode();
        JavaType bodyType = null;
        for (Operation each : operations) {
            for (Parameter parameter : each.method().getParameters()) {
                ObjectNode described = parameter(parameter, schemas);
                if (described != null) {
                    parameters.putIfAbsent(described.get("in").asText() + " " + described.get("name").asText(), described);
                } else if (!parameter.isAnnotationPresent(Context.class)) {
                    bodyType = mapper.constructType(parameter.getParameterizedType());
                    for (String mediaType : consumes(each, bodyType)) {
                        requestContent.putObject(mediaType).set("schema", bodySchema(bodyType, mediaType, schemas));
                    }
                }
            }
        }
        if (!parameters.isEmpty()) {
            ArrayNode list = operation.putArray("parameters");
            parameters.values().forEach(list::add);
        }
        if (bodyType != null) {
            ObjectNode body = operation.putObject("requestBody");
            // A notification may come without a body; every other body is required.
            body.put("required", bodyType.getRawClass() != byte[].class);
            body.set("content", requestContent);
        }
        ObjectNode responses = operation.putObject("responses");
        success(first, schemas, responses);
        problems(operations, bodyType != null, parameters).forEach((status, types) -> {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put("description", "Problem: " + String.join(", ", types));
            response.putObject("content").putObject(ProblemResponses.PROBLEM_JSON).putObject("schema")
                    .put("$ref", PROBLEM_SCHEMA);
            ArrayNode uris = response.putArray("x-problem-types");
            types.forEach(type -> uris.add(type.contains(":") ? type : Problem.TYPE_PREFIX + type));
        });
        return operation;
    }

    private void success(Operation operation, Schemas schemas, ObjectNode responses) {
        Method method = operation.method();
        Answers[] answers = method.getAnnotationsByType(Answers.class);
        List<String> produces = produces(operation);
        boolean stream = produces.contains(MediaType.SERVER_SENT_EVENTS);
        if (answers.length == 0) {
            int status = method.getReturnType() == void.class && !stream ? 204 : 200;
            JavaType body = method.getReturnType() == void.class || method.getReturnType() == Response.class ? null
                    : mapper.constructType(method.getGenericReturnType());
            success(status, body, stream, produces, schemas, responses);
        }
        for (Answers answer : answers) {
            success(answer.value(), answer.body() == Void.class ? null : mapper.constructType(answer.body()), stream,
                    produces, schemas, responses);
        }
    }

    private void success(int status, JavaType body, boolean stream, List<String> produces, Schemas schemas,
            ObjectNode responses) {
        ObjectNode response = responses.putObject(Integer.toString(status));
        response.put("description", switch (status) {
            case 201 -> "Created";
            case 202 -> "Accepted: the work goes on in the background, or once approved";
            case 204 -> "Done; no body";
            default -> "OK";
        });
        if (stream) {
            response.putObject("content").putObject(MediaType.SERVER_SENT_EVENTS).putObject("schema").put("type", "string");
        } else if (body != null) {
            ObjectNode content = response.putObject("content");
            for (String mediaType : produces) {
                content.putObject(mediaType).set("schema", bodySchema(body, mediaType, schemas));
            }
        }
    }

    /**
     * The problems each status may carry for this kind of endpoint: what {@link TenantFilter} (platform-only included),
     * {@link SessionForgeryFilter}, {@link RequestBodyLimit}, {@link RequestThrottles} and {@link ProblemResponses}
     * answer, and what the method declares itself.
     */
    private static Map<Integer, TreeSet<String>> problems(List<Operation> operations, boolean body,
            Map<String, ObjectNode> parameters) {
        Operation first = operations.get(0);
        Map<Integer, TreeSet<String>> problems = new TreeMap<>();
        boolean optional = credentialsOptional(first);
        if (body || !parameters.isEmpty()) {
            add(problems, 400, "invalid-request");
        }
        if (parameters.keySet().stream().anyMatch(key -> key.startsWith("path "))) {
            add(problems, 404, "not-found");
        }
        if (body) {
            add(problems, 413, "body-too-large");
        }
        add(problems, 429, "too-many-requests");
        if (!optional) {
            add(problems, 401, "unauthenticated");
            add(problems, 403, "permission-missing");
            add(problems, 403, "outside-tenants");
            if (!first.verb().equals(HttpMethod.GET)) {
                add(problems, 403, "csrf-token-missing");
                add(problems, 409, "conflict");
            }
        }
        if (feature(first).isPresent()) {
            add(problems, 403, "feature-not-enabled");
        }
        if (first.method().isAnnotationPresent(PlatformOnly.class)
                || first.method().getDeclaringClass().isAnnotationPresent(PlatformOnly.class)) {
            add(problems, 403, "platform-only");
        }
        add(problems, 503, "unavailable");
        for (Operation operation : operations) {
            for (Answers answers : operation.method().getAnnotationsByType(Answers.class)) {
                for (Answers.Refusal refusal : answers.refusals()) {
                    add(problems, refusal.status(), refusal.type());
                }
            }
        }
        return problems;
    }

    /** Every problem type any operation may answer, sorted. */
    private static List<String> problemTypes(Map<String, Map<String, List<Operation>>> paths) {
        TreeSet<String> types = new TreeSet<>();
        paths.values().forEach(verbs -> verbs.values().forEach(operations -> problems(operations, true,
                Map.of("path id", NODES.objectNode())).values().forEach(types::addAll)));
        return List.copyOf(types);
    }

    private static void add(Map<Integer, TreeSet<String>> problems, int status, String type) {
        problems.computeIfAbsent(status, key -> new TreeSet<>()).add(type);
    }

    /** A path, query, header or cookie parameter; null for the body and what Jakarta REST injects. */
    private ObjectNode parameter(Parameter parameter, Schemas schemas) {
        String in;
        String name;
        if (parameter.isAnnotationPresent(PathParam.class)) {
            in = "path";
            name = parameter.getAnnotation(PathParam.class).value();
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            in = "query";
            name = parameter.getAnnotation(QueryParam.class).value();
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            in = "header";
            name = parameter.getAnnotation(HeaderParam.class).value();
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                // OpenAPI describes the media type by the request body's content, never as a parameter.
                return null;
            }
        } else if (parameter.isAnnotationPresent(CookieParam.class)) {
            in = "cookie";
            name = parameter.getAnnotation(CookieParam.class).value();
        } else {
            return null;
        }
        ObjectNode described = NODES.objectNode();
        described.put("name", name);
        described.put("in", in);
        described.put("required", in.equals("path"));
        ObjectNode schema = schemas.of(mapper.constructType(parameter.getParameterizedType()));
        DefaultValue value = parameter.getAnnotation(DefaultValue.class);
        if (value != null) {
            schema.put("default", value.value());
        }
        described.set("schema", schema);
        return described;
    }

    /** JSON bodies by their schema; files and other media types as what they are, bytes or text. */
    private ObjectNode bodySchema(JavaType type, String mediaType, Schemas schemas) {
        boolean json = mediaType.equals(MediaType.APPLICATION_JSON) || mediaType.endsWith("+json");
        if (json && !raw(type)) {
            return schemas.of(type);
        }
        ObjectNode schema = NODES.objectNode().put("type", "string");
        if (!mediaType.startsWith("text/")) {
            schema.put("contentMediaType", mediaType.equals(MediaType.WILDCARD) ? MediaType.APPLICATION_OCTET_STREAM : mediaType);
        }
        return schema;
    }

    /** What the method declares it takes; without a declaration, bytes of any type, or else JSON, all we read. */
    private static List<String> consumes(Operation operation, JavaType body) {
        Consumes consumes = Optional.ofNullable(operation.method().getAnnotation(Consumes.class))
                .orElse(operation.resource().getAnnotation(Consumes.class));
        if (consumes != null) {
            return mediaTypes(consumes.value());
        }
        return raw(body) ? List.of(MediaType.WILDCARD) : List.of(MediaType.APPLICATION_JSON);
    }

    private static boolean raw(JavaType body) {
        return InputStream.class.isAssignableFrom(body.getRawClass()) || body.getRawClass() == byte[].class;
    }

    private static List<String> produces(Operation operation) {
        Produces produces = Optional.ofNullable(operation.method().getAnnotation(Produces.class))
                .orElse(operation.resource().getAnnotation(Produces.class));
        return produces == null ? List.of(MediaType.APPLICATION_JSON) : mediaTypes(produces.value());
    }

    private static List<String> mediaTypes(String[] declared) {
        return Arrays.stream(declared).flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).toList();
    }

    private static boolean credentialsOptional(Operation operation) {
        return operation.method().isAnnotationPresent(CredentialsOptional.class)
                || operation.resource().isAnnotationPresent(CredentialsOptional.class);
    }

    private static Optional<String> feature(Operation operation) {
        return Optional.ofNullable(operation.method().getAnnotation(RequiresFeature.class))
                .or(() -> Optional.ofNullable(operation.resource().getAnnotation(RequiresFeature.class)))
                .map(RequiresFeature::value);
    }

    private static List<String> roles(Method method) {
        Permitted permitted = method.getAnnotation(Permitted.class);
        return permitted == null ? List.of() : Arrays.stream(permitted.value()).sorted().map(Role::name).toList();
    }

    /** Methods in a stable order (reflection gives none), so that the same resources give the same document. */
    private static List<Method> sortedMethods(Class<?> resource) {
        return Arrays.stream(resource.getMethods())
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString)).toList();
    }

    private static ObjectNode securitySchemes() {
        ObjectNode schemes = NODES.objectNode();
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("description",
                "An API key of the tenant, a machine credential (rcv_<id>_<secret>) or an access token of an identity "
                        + "provider the tenant trusts");
        schemes.putObject("tenant").put("type", "apiKey").put("in", "header").put("name", TenantFilter.TENANT_HEADER)
                .put("description", "The tenant the request acts for");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", SessionCookie.NAME)
                .put("description", "The session of a signed-in user (POST /session); every request that is not a "
                        + "GET, HEAD or OPTIONS also sends the session's X-CSRF-Token");
        return schemes;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The named schemas of the document's bodies, defined as they are first met. */
    private final class Schemas {

        private final Map<String, JavaType> named = new HashMap<>();
        private final Map<JavaType, String> names = new HashMap<>();
        private final TreeMap<String, ObjectNode> definitions = new TreeMap<>();

        ObjectNode definitions() {
            ObjectNode node = NODES.objectNode();
            definitions.forEach(node::set);
            return node;
        }

        /** The schema of a value of {@code type}: inline for scalars and containers, a reference for objects. */
        ObjectNode of(JavaType type) {
            Class<?> raw = type.getRawClass();
            ObjectNode schema = NODES.objectNode();
            if (raw == Optional.class) {
                return of(type.containedTypeOrUnknown(0));
            } else if (raw == String.class || raw == char.class || raw == Character.class
                    || raw == java.util.Currency.class || raw == java.time.ZoneId.class || raw == java.util.Locale.class) {
                schema.put("type", "string");
            } else if (raw == boolean.class || raw == Boolean.class) {
                schema.put("type", "boolean");
            } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                    || raw == byte.class || raw == Byte.class) {
                schema.put("type", "integer").put("format", "int32");
            } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
                schema.put("type", "integer").put("format", "int64");
            } else if (raw == BigDecimal.class || raw == double.class || raw == Double.class || raw == float.class
                    || raw == Float.class) {
                schema.put("type", "number");
            } else if (raw == LocalDate.class) {
                schema.put("type", "string").put("format", "date");
            } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
                schema.put("type", "string").put("format", "date-time");
            } else if (raw == LocalDateTime.class || java.time.temporal.TemporalAccessor.class.isAssignableFrom(raw)
                    || raw == java.time.Duration.class || raw == java.time.Period.class) {
                schema.put("type", "string");
            } else if (raw == UUID.class) {
                schema.put("type", "string").put("format", "uuid");
            } else if (raw == URI.class) {
                schema.put("type", "string").put("format", "uri");
            } else if (raw == byte[].class) {
                schema.put("type", "string").put("contentEncoding", "base64");
            } else if (type.isEnumType()) {
                schema.put("type", "string");
                ArrayNode values = schema.putArray("enum");
                Arrays.stream(raw.getEnumConstants()).forEach(constant -> values.add(((Enum<?>) constant).name()));
            } else if (type.isArrayType() || type.isCollectionLikeType()) {
                schema.put("type", "array").set("items", of(type.getContentType()));
            } else if (type.isMapLikeType()) {
                schema.put("type", "object").set("additionalProperties", of(type.getContentType()));
            } else if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || raw.isInterface()
                    && raw.getPackageName().startsWith("java.")) {
                return schema;
            } else {
                schema.put("$ref", "#/components/schemas/" + define(type, null));
            }
            return schema;
        }

        /** Defines the object schema of {@code type} once, under {@code name} or a name of its own, and names it. */
        String define(JavaType type, String name) {
            String known = names.get(type);
            if (known != null) {
                return known;
            }
            String chosen = name != null ? name : nameOf(type, false);
            if (named.containsKey(chosen)) {
                chosen = nameOf(type, true);
            }
            for (int suffix = 2; named.containsKey(chosen); suffix++) {
                chosen = nameOf(type, true) + suffix;
            }
            named.put(chosen, type);
            names.put(type, chosen);
            ObjectNode schema = NODES.objectNode().put("type", "object");
            definitions.put(chosen, schema);
            ObjectNode properties = schema.putObject("properties");
            SerializationConfig config = mapper.getSerializationConfig();
            BeanDescription description = config.introspect(type);
            Set<String> ignored = config.getDefaultPropertyIgnorals(type.getRawClass(), description.getClassInfo())
                    .findIgnoredForSerialization();
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (property.couldSerialize() && !ignored.contains(property.getName())) {
                    properties.set(property.getName(), of(property.getPrimaryType()));
                }
            }
            return chosen;
        }

        /** {@code Page<Invoice>} is {@code PageOfInvoice}; a name met twice is qualified by its enclosing classes. */
        private String nameOf(JavaType type, boolean qualified) {
            StringBuilder name = new StringBuilder();
            if (qualified) {
                for (Class<?> outer = type.getRawClass().getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                    name.insert(0, outer.getSimpleName());
                }
            }
            name.append(type.getRawClass().getSimpleName());
            for (int i = 0; i < type.containedTypeCount(); i++) {
                JavaType contained = type.containedType(i);
                name.append(i == 0 ? "Of" : "And").append(contained.isCollectionLikeType()
                        ? "ListOf" + contained.getContentType().getRawClass().getSimpleName()
                        : contained.getRawClass().getSimpleName());
            }
            return name.toString().replaceAll("[^A-Za-z0-9._-]", "");
        }
    }
}
