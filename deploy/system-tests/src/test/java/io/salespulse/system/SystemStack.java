package io.salespulse.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole local stack (deploy/local/stack) on its own ports and state folder, so a developer's running stack
 * is left alone. Started once per test JVM and stopped when it ends. Set {@code -Dsystem.stack=external} to test
 * a stack you started yourself on the default ports.
 */
public final class SystemStack {
    private static final boolean EXTERNAL = "external".equals(System.getProperty("system.stack"));
    /** Port offset of the stack under test; {@code -Dsystem.stack.offset=...} when 20000 up is taken. */
    private static final int OFFSET = EXTERNAL ? 0 : Integer.getInteger("system.stack.offset", 20000);
    private static SystemStack instance;
    /** A fake shop and secret for the webhook tests (the stack's own demo secret when testing an external stack). */
    public static final String SHOPIFY_SHOP = EXTERNAL ? "demo-shop.myshopify.com" : "system-test.myshopify.com";
    public static final String SHOPIFY_SECRET = EXTERNAL ? "demo-only-shopify-secret" : "system-test-fake-secret";

    private final Path root;
    private final Map<String, String> env = new LinkedHashMap<>();

    private SystemStack(Path root) {
        this.root = root;
        if (!EXTERNAL) {
            env.put("STACK_HOME", root.resolve("deploy/system-tests/target/stack").toString());
        }
        env.put("DEMO_TRAFFIC", "off");
        env.put("SALESPULSE_SHOPIFY_SECRETS", SHOPIFY_SHOP + "=" + SHOPIFY_SECRET);
        env.put("PG_PORT", port(15432));
        env.put("KAFKA_PORT", port(9092));
        env.put("KAFKA_CONTROLLER_PORT", port(9093));
        env.put("KEYCLOAK_PORT", port(8180));
        env.put("KEYCLOAK_MANAGEMENT_PORT", port(9180));
        env.put("GATEWAY_PORT", port(8080));
        env.put("GATEWAY_MANAGEMENT_PORT", port(9000));
        env.put("INGEST_PORT", port(8081));
        env.put("ORDERS_PORT", port(8082));
        env.put("INVENTORY_PORT", port(8083));
        env.put("ANALYTICS_PORT", port(8084));
        env.put("RECOMMENDATIONS_PORT", port(8085));
        env.put("DEVICES_PORT", port(8086));
    }

    private static String port(int base) {
        return Integer.toString(base + OFFSET);
    }

    public static synchronized SystemStack get() {
        if (instance == null) {
            instance = new SystemStack(repoRoot());
            if (!EXTERNAL) {
                // Before up: an up that fails half-way must still stop what it started.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.run("down"), "stack-down"));
                instance.run("up");
            }
        }
        return instance;
    }

    public Path root() {
        return root;
    }

    public String gatewayUrl() {
        return "http://localhost:" + env.get("GATEWAY_PORT");
    }

    public String keycloakUrl() {
        return "http://localhost:" + env.get("KEYCLOAK_PORT");
    }

    /** Direct URL of one service (bypassing the gateway), for operator endpoints such as health. */
    public String serviceUrl(String portVariable) {
        return "http://127.0.0.1:" + env.get(portVariable);
    }

    /** Runs {@code deploy/local/stack <command> [argument]} against this stack. */
    public void run(String... command) {
        java.util.List<String> line = new java.util.ArrayList<>();
        line.add(root.resolve("deploy/local/stack").toString());
        line.addAll(java.util.List.of(command));
        // Into a file, not this JVM's stdout: failsafe owns that stream.
        Path output = root.resolve("deploy/system-tests/target/stack-" + command[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/stack " + String.join(" ", command) + " failed ("
                        + output + "):\n" + tail(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run deploy/local/stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path file) {
        try {
            java.util.List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static Path repoRoot() {
        String configured = System.getProperty("salespulse.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("deploy/local/stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/local/stack not found above " + start);
    }
}
