package io.salespulse.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of the no-Docker infrastructure, shared by deploy/local/stack and the tests.
 *
 * <pre>
 * LocalInfra postgres --port 15432 --dir state/postgres
 * LocalInfra kafka    --port 9092 --controller-port 9093 --dir state/kafka
 * LocalInfra all      --pg-port P --kafka-port K --controller-port C --dir D   (tests: exits when stdin closes)
 * </pre>
 * Each mode writes {@code <dir>/ready} once its servers accept connections.
 */
public final class LocalInfra {
    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: LocalInfra postgres|kafka|all --option value ...");
        }
        Map<String, String> options = options(args);
        Path dir = Path.of(required(options, "dir")).toAbsolutePath();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("ready"));
        switch (args[0]) {
            case "postgres" -> {
                startPostgres(Integer.parseInt(required(options, "port")), dir, true);
                markReady(dir);
                Thread.currentThread().join();
            }
            case "kafka" -> runKafka(Integer.parseInt(required(options, "port")),
                    Integer.parseInt(required(options, "controller-port")), dir, dir);
            case "all" -> {
                exitWhenParentGoes();
                startPostgres(Integer.parseInt(required(options, "pg-port")), dir.resolve("postgres"), false);
                runKafka(Integer.parseInt(required(options, "kafka-port")),
                        Integer.parseInt(required(options, "controller-port")), dir.resolve("kafka"), dir);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void startPostgres(int port, Path dir, boolean durable) throws Exception {
        LocalPostgres postgres = LocalPostgres.start(port, dir.resolve("data"),
                RepoPaths.resolve("deploy/postgres/init-roles.sql"), durable);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Stopping PostgreSQL failed: " + e);
            }
        }, "postgres-shutdown"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port);
    }

    /** Runs the broker on this thread; a helper thread creates the topics and marks readiness. */
    private static void runKafka(int port, int controllerPort, Path kafkaDir, Path readyDir) throws Exception {
        Path config = LocalKafka.prepare(port, controllerPort, kafkaDir);
        Thread topics = new Thread(() -> {
            try {
                awaitPort(port, Duration.ofSeconds(120));
                LocalKafka.createTopics("127.0.0.1:" + port, RepoPaths.resolve("deploy/contracts/topics.txt"));
                System.out.println("Kafka ready on 127.0.0.1:" + port);
                markReady(readyDir);
            } catch (Exception e) {
                System.err.println("Kafka did not become ready: " + e);
                exitRunningShutdownHooks(1);
            }
        }, "kafka-topics");
        topics.setDaemon(true);
        topics.start();
        LocalKafka.run(config);
    }

    /**
     * System.exit, so the hooks stop PostgreSQL (halt would leave it running); halts if a hook hangs, since a
     * broker that failed to start may never release its own.
     */
    private static void exitRunningShutdownHooks(int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(status);
        }, "exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }

    /** Tests start this JVM as a child: when the parent dies its pipe closes and we stop cleanly. */
    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // parent alive
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    static void awaitPort(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("port " + port + " did not open within " + timeout);
    }

    private static void markReady(Path dir) throws IOException {
        Files.writeString(dir.resolve("ready"), Long.toString(ProcessHandle.current().pid()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
