package io.facegate.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting an operator can give is in README's configuration table under its environment
 * variable's full name: the MicroProfile Config keys the application reads ({@code facegate.x.y-z}
 * is {@code FACEGATE_X_Y_Z}) and the variables the launcher reads itself.
 */
class ConfigurationDocumentedTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LAUNCHER_VARIABLE = Pattern.compile("\"(FACEGATE_[A-Z0-9_]+)\"");

    @Test
    void everySettingIsInTheReadmesConfigurationTable() throws IOException {
        String table = configurationTable(Files.readString(REPOSITORY.resolve("README.md")));
        Set<String> variables = new TreeSet<>();
        for (String module : List.of("domain-module", "ejb-module", "web-module", "batch-module")) {
            for (String key : matches(REPOSITORY.resolve(module).resolve("src/main/java"), CONFIG_PROPERTY)) {
                variables.add(environmentName(key));
            }
        }
        variables.addAll(matches(REPOSITORY.resolve("payara-config/src/main/java"), LAUNCHER_VARIABLE));
        assertTrue(variables.size() > 30, "found only " + variables + ": is the scan looking in the right place?");
        List<String> missing = variables.stream().filter(variable -> !table.contains("`" + variable + "`")).toList();
        assertEquals(List.of(), missing, "settings missing from README's configuration table (write each variable's full name)");
    }

    /** MicroProfile Config's environment mapping: non-alphanumerics to '_', upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String configurationTable(String readme) {
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static Set<String> matches(Path sources, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
