package io.salespulse.load;

import java.net.http.HttpClient;
import java.util.List;

/** Entry point of deploy/load/run: seed | simulate | load | rfid. */
public final class LoadMain {
    private static final List<String> COMMANDS = List.of("seed", "simulate", "load", "rfid");

    private LoadMain() {
    }

    static final String USAGE = """
            usage: deploy/load/run COMMAND [--name value ...]
              seed                                  the demo catalog and opening stock (idempotent)
              simulate [--peak-rate 4]              demo traffic following the time of day
              load [--rate 500] [--duration 30] [--warmup 10] [--max-in-flight 512]
                                                    orders at a target rate; prints orders/s and POST / WebSocket latency
              rfid [--rate 10000] [--duration 10] [--batch 500] [--format zebra|impinj] [--max-in-flight 64]
            common: --gateway URL (GATEWAY_URL), --keycloak URL (KEYCLOAK_URL), --user/--password (the WebSocket
            subscriber), --client/--secret (the integration or device client). Details: deploy/load/README.md""";

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
            if (!COMMANDS.contains(options.command())) {
                throw new IllegalArgumentException("unknown command " + options.command());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        HttpClient http = Gateway.httpClient();
        DemoCatalog catalog = DemoCatalog.load();
        switch (options.command()) {
            case "seed" -> new Seeder(gateway(http, options, "admin"), catalog).run();
            case "simulate" -> new TrafficSimulator(new Gateway(http, options.gateway(), integration(http, options)),
                    catalog, options.number("peak-rate", 4)).run();
            case "load" -> load(http, options, catalog);
            case "rfid" -> rfid(http, options, catalog);
            default -> throw new IllegalStateException("unreachable: " + options.command());
        }
    }

    private static void load(HttpClient http, Options options, DemoCatalog catalog) throws Exception {
        Gateway gateway = gateway(http, options, "clerk");
        int maxInFlight = (int) options.number("max-in-flight", 512);
        try (OrderPoster poster = new OrderPoster(options.gateway(), integration(http, options), maxInFlight)) {
            new LoadTest(gateway, poster, catalog, options.number("rate", 500), (int) options.number("duration", 30),
                    (int) options.number("warmup", 10), maxInFlight).run();
        }
    }

    /** RFID reader batches with the device's own token (Keycloak client credentials), not a user's. */
    private static void rfid(HttpClient http, Options options, DemoCatalog catalog) throws InterruptedException {
        String client = options.get("client", "DEVICE_CLIENT_ID", "device-demo-st001");
        String secret = options.get("secret", "DEVICE_CLIENT_SECRET", "device-demo-st001-secret");
        var gateway = new Gateway(http, options.gateway(), Tokens.forClient(http, options.keycloak(), client, secret));
        var format = ReaderBatchFactory.Format.valueOf(options.get("format", null, "zebra").toUpperCase());
        int[] antennas = java.util.Arrays.stream(options.get("antennas", null, "1,2").split(","))
                .mapToInt(a -> Integer.parseInt(a.trim())).toArray();
        // a fresh serial range per run, so a run is not deduplicated against the previous one
        long serialBase = (System.currentTimeMillis() / 1000 % 100_000) * 1_000_000L;
        var batches = new ReaderBatchFactory(catalog, (long) options.number("tags", 100_000), serialBase,
                options.number("repeat-share", 0.2), antennas, format, new java.util.SplittableRandom());
        new RfidLoadTest(gateway, batches, format, options.get("device", null, "rfid-st001"),
                options.number("rate", 10_000), (int) options.number("batch", 500),
                (int) options.number("duration", 10), (int) options.number("max-in-flight", 64)).run();
    }

    /**
     * The token orders are posted with: the demo API integration's (client credentials), since the generated mix names
     * the web shop's and the marketplaces' sources, which only the integration role may name (channel-ingest's
     * SourcePolicy).
     */
    private static Tokens integration(HttpClient http, Options options) {
        String client = options.get("client", "INTEGRATION_CLIENT_ID", "integration-demo");
        String secret = options.get("secret", "INTEGRATION_CLIENT_SECRET", "integration-demo-secret");
        return Tokens.forClient(http, options.keycloak(), client, secret);
    }

    private static Gateway gateway(HttpClient http, Options options, String defaultUser) {
        String user = options.get("user", null, defaultUser);
        Tokens tokens = new Tokens(http, options.keycloak(), user, options.get("password", null, user + "-demo"));
        return new Gateway(http, options.gateway(), tokens);
    }
}
