package io.facegate.web;

import io.facegate.authentication.Roles;
import io.facegate.web.authentication.RequiresRole;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every JAX-RS operation is in the OpenAPI document, and the document says truthfully who may call
 * it: the security schemes of each operation match the roles {@link RequiresRole} enforces. The
 * integration tests read the served document to call every operation as every kind of caller, so
 * an operation missing from it, or described with the wrong schemes, would escape them.
 */
class ResourceContractTest {

    /** The constraints Payara's OpenAPI scanner turns into schema facts (it leaves @NotNull and @Valid alone). */
    private static final Set<String> SCANNED_CONSTRAINTS = Set.of("NotEmpty", "NotBlank", "Size", "DecimalMax", "DecimalMin", "Max", "Min",
            "Negative", "NegativeOrZero", "Positive", "PositiveOrZero");

    /** The Swagger UI's own files: not API operations. */
    private static final Set<String> UNDOCUMENTED = Set.of("ApiDocumentationResource#swaggerUiRoot", "ApiDocumentationResource#swaggerUi");

    private static final Map<String, Set<String>> SCHEMES_OF_ROLE = Map.of(
            Roles.ADMIN, Set.of(FaceGateApi.OPERATOR_TOKEN),
            Roles.CLIENT, Set.of(FaceGateApi.CLIENT_TOKEN, FaceGateApi.CLIENT_KEY),
            Roles.SESSION, Set.of(FaceGateApi.CLIENT_TOKEN, FaceGateApi.CLIENT_KEY, FaceGateApi.BROWSER_TOKEN),
            Roles.TENANT_ADMIN, Set.of(FaceGateApi.CLIENT_TOKEN, FaceGateApi.CLIENT_KEY, FaceGateApi.PERSON_TOKEN),
            Roles.STAFF, Set.of(FaceGateApi.CLIENT_TOKEN, FaceGateApi.CLIENT_KEY, FaceGateApi.PERSON_TOKEN),
            Roles.MEMBER, Set.of(FaceGateApi.CLIENT_TOKEN, FaceGateApi.CLIENT_KEY, FaceGateApi.PERSON_TOKEN),
            Roles.PERSON, Set.of(FaceGateApi.PERSON_TOKEN));

    @Test
    void everyOperationIsDocumentedWithTheSchemesOfTheRolesItRequires() throws Exception {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (httpMethod(method) == null) {
                    continue;
                }
                operations++;
                String name = resource.getSimpleName() + "#" + method.getName();
                Operation operation = method.getAnnotation(Operation.class);
                if (UNDOCUMENTED.contains(name)) {
                    continue;
                }
                if (operation == null || operation.hidden()) {
                    problems.add(name + " is not in the OpenAPI document (no @Operation, or hidden)");
                    continue;
                }
                Set<String> expected = expectedSchemes(resource, method);
                Set<String> declared = declaredSchemes(resource, method);
                if (!expected.equals(declared)) {
                    problems.add(name + " requires " + expected + " but the document says " + declared);
                }
                boolean markedAnonymous = Arrays.stream(method.getAnnotationsByType(Extension.class))
                        .anyMatch(e -> e.name().equals(FaceGateApi.ANONYMOUS) && e.value().equals("true"));
                if (markedAnonymous != expected.isEmpty()) {
                    problems.add(name + (expected.isEmpty() ? " is open to anyone but not marked " : " needs credentials but is marked ")
                            + FaceGateApi.ANONYMOUS);
                }
            }
        }
        assertFalse(operations < 20, "found only " + operations + " operations: is the scan looking in the right place?");
        assertEquals(List.of(), problems);
    }

    /**
     * Payara's OpenAPI scanner (6.2025.9) fails, and with it the whole document, on a Bean Validation
     * constraint on any parameter that is not a {@code @PathParam}: on resource methods and on the
     * constructors of request records (which is why those declare their canonical constructors).
     */
    @Test
    void noConstraintSitsWhereTheOpenApiScannerWouldFailOnIt() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : webClasses()) {
            for (Executable executable : Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors())).toList()) {
                for (Parameter parameter : executable.getParameters()) {
                    boolean constrained = Arrays.stream(parameter.getAnnotations())
                            .anyMatch(a -> SCANNED_CONSTRAINTS.contains(a.annotationType().getSimpleName()));
                    if (constrained && !parameter.isAnnotationPresent(PathParam.class)) {
                        problems.add(type.getName() + "#" + executable.getName() + "(" + parameter.getName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> expectedSchemes(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RequiresRole.class) && resource.isAnnotationPresent(PermitAll.class))) {
            return Set.of();
        }
        RequiresRole roles = method.isAnnotationPresent(RequiresRole.class) ? method.getAnnotation(RequiresRole.class)
                : resource.getAnnotation(RequiresRole.class);
        return roles == null ? Set.of("<nobody: AccessControl fails closed>") : Arrays.stream(roles.value())
                .flatMap(role -> SCHEMES_OF_ROLE.get(role).stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Method-level requirements win over the class's, which win over the application's default. */
    private static Set<String> declaredSchemes(Class<?> resource, Method method) {
        for (AnnotatedElement level : List.of(method, resource)) {
            SecurityRequirement[] single = level.getAnnotationsByType(SecurityRequirement.class);
            SecurityRequirements many = level.getAnnotation(SecurityRequirements.class);
            if (single.length > 0 || many != null) {
                Stream<SecurityRequirement> all = Stream.concat(Arrays.stream(single), many == null ? Stream.empty() : Arrays.stream(many.value()));
                return all.map(SecurityRequirement::name).collect(Collectors.toCollection(TreeSet::new));
            }
        }
        return Arrays.stream(FaceGateApi.class.getAnnotation(OpenAPIDefinition.class).security())
                .map(SecurityRequirement::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        return webClasses().stream().filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class)).toList();
    }

    /** Every class of the web module, nested ones included. */
    private static List<Class<?>> webClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("target/classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/facegate/web"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(className, false, ResourceContractTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
