package io.facegate.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of the served OpenAPI document, as the integration tests that cover every operation
 * read them: who may call each one (its security schemes, or the anonymous mark), its parameters,
 * its request body's media types and example. An operation added to the API is in this list without
 * any test being edited (a unit test keeps every resource method in the document).
 */
final class OpenApiOperations {

    static final String CLIENT_TOKEN = "bearer";
    static final String BROWSER_TOKEN = "browserToken";
    static final String OPERATOR_TOKEN = "operatorToken";
    static final String ANONYMOUS = "x-facegate-anonymous";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /**
     * One operation.
     *
     * @param path        as in the document, e.g. {@code /api/clients/users/{id}}
     * @param schemes     the security schemes that may call it; empty for an anonymous operation
     * @param query       its query parameters' names
     * @param mediaTypes  the request body's media types, e.g. {@code application/json}
     * @param example     the request body's JSON example, or null
     */
    record Operation(String method, String path, Set<String> schemes, List<String> pathParameters, List<String> query,
                     Set<String> mediaTypes, JsonObject example) {

        boolean anonymous() {
            return schemes.isEmpty();
        }

        boolean operatorOnly() {
            return schemes.equals(Set.of(OPERATOR_TOKEN));
        }

        boolean forClients() {
            return schemes.contains(CLIENT_TOKEN);
        }

        boolean forBrowsers() {
            return schemes.contains(BROWSER_TOKEN);
        }

        boolean takesJson() {
            return mediaTypes.contains("application/json");
        }

        boolean takesMultipart() {
            return mediaTypes.contains("multipart/form-data");
        }

        /** The path with these values for its parameters, in order, URL-encoded as given. */
        String with(List<String> values) {
            Matcher matcher = PATH_PARAMETER.matcher(path);
            StringBuilder filled = new StringBuilder();
            int i = 0;
            while (matcher.find()) {
                matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(i++)));
            }
            matcher.appendTail(filled);
            return filled + "/";
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static JsonObject document() {
        Api.Reply reply = Api.anonymous().get("/api/schema/?format=json");
        if (reply.status() != 200) {
            throw new AssertionError("the OpenAPI document is not served: " + reply);
        }
        return reply.json();
    }

    static List<Operation> all() {
        JsonObject document = document();
        Set<String> defaultSchemes = schemes(document.getJsonArray("security"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonValue> pathItem : document.getJsonObject("paths").entrySet()) {
            for (String method : METHODS) {
                JsonObject operation = pathItem.getValue().asJsonObject().getJsonObject(method);
                if (operation == null) {
                    continue;
                }
                boolean anonymous = "true".equals(operation.getString(ANONYMOUS, ""));
                Set<String> schemes = anonymous ? Set.of()
                        : operation.containsKey("security") ? schemes(operation.getJsonArray("security")) : defaultSchemes;
                List<String> query = new ArrayList<>();
                for (JsonValue parameter : operation.getJsonArray("parameters") == null ? JsonValue.EMPTY_JSON_ARRAY
                        : operation.getJsonArray("parameters")) {
                    if ("query".equals(parameter.asJsonObject().getString("in", ""))) {
                        query.add(parameter.asJsonObject().getString("name"));
                    }
                }
                JsonObject content = operation.containsKey("requestBody")
                        ? operation.getJsonObject("requestBody").getJsonObject("content") : JsonValue.EMPTY_JSON_OBJECT;
                List<String> pathParameters = new ArrayList<>();
                Matcher matcher = PATH_PARAMETER.matcher(pathItem.getKey());
                while (matcher.find()) {
                    pathParameters.add(matcher.group(1));
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), pathItem.getKey(), schemes, pathParameters, query,
                        new LinkedHashSet<>(content.keySet()), example(content)));
            }
        }
        return operations;
    }

    private static Set<String> schemes(JsonArray security) {
        Set<String> names = new TreeSet<>();
        if (security != null) {
            security.forEach(requirement -> names.addAll(requirement.asJsonObject().keySet()));
        }
        return names;
    }

    /** The first JSON example of the body, whether the document holds it as text or as an object. */
    private static JsonObject example(JsonObject content) {
        for (JsonValue media : content.values()) {
            JsonObject examples = media.asJsonObject().getJsonObject("examples");
            if (examples == null) {
                continue;
            }
            for (JsonValue example : examples.values()) {
                JsonValue value = example.asJsonObject().get("value");
                if (value instanceof JsonObject object) {
                    return object;
                }
                if (value instanceof JsonString text && text.getString().strip().startsWith("{")) {
                    try (JsonReader reader = Json.createReader(new StringReader(text.getString()))) {
                        return reader.readObject();
                    }
                }
            }
        }
        return null;
    }
}
