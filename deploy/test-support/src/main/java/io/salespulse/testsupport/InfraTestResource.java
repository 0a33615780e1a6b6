package io.salespulse.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real PostgreSQL and a real Kafka broker for a service's {@code @QuarkusTest}, without Docker:
 * {@code @WithTestResource(InfraTestResource.class)}. One child JVM per test JVM, shared by all test classes,
 * running {@link LocalInfra} (the same code as the local stack); it stops when this JVM ends.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    private static Infra infra;

    /** Ports of the running infrastructure, for tests that talk to Kafka or PostgreSQL directly. */
    public record Infra(int postgresPort, int kafkaPort, Process process) {
        public String kafkaBootstrap() {
            return "127.0.0.1:" + kafkaPort;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalPostgres.DATABASE;
        }
    }

    @Override
    public Map<String, String> start() {
        Infra running = ensureStarted();
        return Map.of(
                "kafka.bootstrap.servers", running.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", running.jdbcUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it ends with the JVM.
    }

    public static synchronized Infra ensureStarted() {
        if (infra == null) {
            infra = launch();
        }
        return infra;
    }

    private static Infra launch() {
        try {
            Path dir = Files.createTempDirectory("salespulse-infra");
            int[] ports = distinctFreePorts(3);
            int pgPort = ports[0];
            int kafkaPort = ports[1];
            int controllerPort = ports[2];
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dsalespulse.repo.root=" + RepoPaths.root(),
                    "-cp", childClasspath(), LocalInfra.class.getName(), "all",
                    "--pg-port", Integer.toString(pgPort), "--kafka-port", Integer.toString(kafkaPort),
                    "--controller-port", Integer.toString(controllerPort), "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("infra.log").toFile());
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "infra-stop"));
            awaitReady(process, dir, Duration.ofSeconds(180));
            return new Infra(pgPort, kafkaPort, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Starting PostgreSQL and Kafka failed", e);
        }
    }

    private static void awaitReady(Process process, Path dir, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(dir.resolve("ready"))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                stop(process);
                throw new IllegalStateException("Test infrastructure did not start; its log:\n"
                        + Files.readString(dir.resolve("infra.log")));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** This module's classes plus the broker and database jars Maven listed at build time. */
    static String childClasspath() throws IOException {
        try (InputStream in = LocalInfra.class.getResourceAsStream("infra.classpath")) {
            if (in == null) {
                throw new IllegalStateException("infra.classpath missing: build deploy/test-support with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            Path self = Path.of(LocalInfra.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + dependencies;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM first, so the child's shutdown hooks stop the PostgreSQL it started; SIGKILL only if it hangs. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ports held open together while chosen: one at a time, the kernel may hand out the same port twice, and a Kafka
     * client that meets PostgreSQL on "its" port reads the answer as a huge frame size (OutOfMemoryError).
     */
    static int[] distinctFreePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
