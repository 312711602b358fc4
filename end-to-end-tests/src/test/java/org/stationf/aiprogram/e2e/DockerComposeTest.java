package org.stationf.aiprogram.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} cannot be run here (no Docker engine), so it is held to what the services actually read:
 * a variable misspelt, one a service needs left out, a database the init script never creates, or an address pointing
 * nowhere would otherwise only show on the first user's machine. The variables the services read are also held to
 * the READMEs, where an operator looks them up.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("applications-service", "cohort-service", "resources-service", "gateway");
    private static final List<String> LIBRARIES = List.of("api-support", "eventing");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
    }

    @Test
    void eachServiceIsBuiltFromItsOwnModule() {
        assertThat(services().keySet()).containsAll(SERVICES).contains("postgres", "kafka");
        for (String service : SERVICES) {
            Map<String, Object> build = map(service(service).get("build"));
            assertThat(ROOT.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")))).as(service).isRegularFile();
            assertThat(map(build.get("args"))).as(service).containsEntry("SERVICE", service);
            assertThat(ROOT.resolve(service).resolve("pom.xml")).as(service).isRegularFile();
        }
    }

    @Test
    void everyVariableGivenToAServiceIsOneItReads() throws IOException {
        for (String service : SERVICES) {
            assertThat(environment(service).keySet()).as("variables set for %s in docker-compose.yml", service)
                    .isSubsetOf(variablesReadBy(service).keySet());
        }
    }

    @Test
    void everyVariableAServiceNeedsWithoutADefaultIsGiven() throws IOException {
        for (String service : SERVICES) {
            Set<String> required = new TreeSet<>();
            variablesReadBy(service).forEach((variable, hasDefault) -> {
                if (!hasDefault) {
                    required.add(variable);
                }
            });
            assertThat(environment(service).keySet()).as("%s needs these to start", service).containsAll(required);
        }
    }

    @Test
    void eachServiceHasItsOwnDatabaseCreatedForItsUser() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres-init.sql"));
        Set<String> databases = new LinkedHashSet<>();
        for (String service : SERVICES) {
            Map<String, Object> env = environment(service);
            assertThat(init).as(service).contains("CREATE ROLE " + env.get("DB_USER") + " LOGIN PASSWORD '" + env.get("DB_PASSWORD") + "'")
                    .contains("CREATE DATABASE " + env.get("DB_NAME") + " OWNER " + env.get("DB_USER") + ";");
            assertThat(env.get("DB_HOST")).as(service).isEqualTo("postgres");
            databases.add(String.valueOf(env.get("DB_NAME")));
        }
        assertThat(databases).as("no two services share a database").hasSize(SERVICES.size());
    }

    @Test
    void theServicesFindKafkaTheGatewayAndEachOther() {
        String advertised = String.valueOf(map(service("kafka").get("environment")).get("KAFKA_ADVERTISED_LISTENERS"));
        for (String service : SERVICES) {
            Map<String, Object> env = environment(service);
            if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                assertThat(advertised).as(service).isEqualTo("PLAINTEXT://" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
                assertThat(dependsOn(service)).as(service).contains("kafka");
            }
            if (env.containsKey("JWT_KEYS_URL")) {
                assertThat(URI.create(String.valueOf(env.get("JWT_KEYS_URL")))).as(service)
                        .hasHost("gateway").hasPort(port("gateway")).hasPath("/oauth/jwks");
            }
            assertThat(dependsOn(service)).as(service).contains("postgres");
        }
        Map<String, Object> gateway = environment("gateway");
        Map<String, String> upstreams = Map.of("APPLICATIONS_URL", "applications-service", "COHORT_URL", "cohort-service",
                "RESOURCES_URL", "resources-service");
        upstreams.forEach((variable, service) -> assertThat(URI.create(String.valueOf(gateway.get(variable)))).as(variable)
                .hasHost(service).hasPort(port(service)));
        assertThat(list(service("gateway").get("ports"))).as("the gateway, the one public entry, is the only port published")
                .containsExactly(port("gateway") + ":" + port("gateway"));
        SERVICES.stream().filter(service -> !service.equals("gateway"))
                .forEach(service -> assertThat(service(service)).as(service).doesNotContainKey("ports"));
    }

    @Test
    void everyVariableTheServicesReadIsDocumented() throws IOException {
        String overview = Files.readString(ROOT.resolve("README.md"));
        for (String service : SERVICES) {
            String own = Files.readString(ROOT.resolve(service).resolve("README.md"));
            for (String variable : variablesReadBy(service).keySet()) {
                assertThat(overview.contains("`" + variable + "`") || own.contains("`" + variable + "`"))
                        .as("%s, read by %s, is in README.md or %s/README.md", variable, service, service).isTrue();
            }
        }
    }

    /** The variables a service's configuration reads, outside test and dev profiles, each with whether it has a default. */
    private static Map<String, Boolean> variablesReadBy(String service) throws IOException {
        Map<String, Boolean> variables = new TreeMap<>();
        String pom = Files.readString(ROOT.resolve(service).resolve("pom.xml"));
        List<Path> sources = new ArrayList<>(List.of(ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        for (String library : LIBRARIES) {
            if (pom.contains("<artifactId>" + library + "</artifactId>")) {
                sources.add(ROOT.resolve(library).resolve("src/main/resources/META-INF/microprofile-config.properties"));
            }
        }
        for (Path source : sources) {
            if (!Files.exists(source)) {
                continue;
            }
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("#") || line.startsWith("%")) {
                    continue;
                }
                Matcher matcher = VARIABLE.matcher(line);
                while (matcher.find()) {
                    variables.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalOr);
                }
            }
        }
        return variables;
    }

    private static int port(String service) {
        return Integer.parseInt(String.valueOf(environment(service).get("HTTP_PORT")));
    }

    private static Map<String, Object> environment(String service) {
        return map(service(service).get("environment"));
    }

    private static Set<String> dependsOn(String service) {
        return map(service(service).get("depends_on")).keySet();
    }

    private static Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
