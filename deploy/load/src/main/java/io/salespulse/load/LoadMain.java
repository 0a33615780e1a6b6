package io.salespulse.load;

import java.net.http.HttpClient;

/** Entry point of deploy/load/run: seed | simulate | load. */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        HttpClient http = Gateway.httpClient();
        DemoCatalog catalog = DemoCatalog.load();
        switch (options.command()) {
            case "seed" -> new Seeder(gateway(http, options, "admin"), catalog).run();
            case "simulate" -> new TrafficSimulator(gateway(http, options, "clerk"), catalog,
                    options.number("peak-rate", 4)).run();
            case "load" -> new LoadTest(gateway(http, options, "clerk"), catalog, options.number("rate", 500),
                    (int) options.number("duration", 30), (int) options.number("max-in-flight", 512)).run();
            default -> throw new IllegalArgumentException("unknown command " + options.command());
        }
    }

    private static Gateway gateway(HttpClient http, Options options, String defaultUser) {
        String user = options.get("user", null, defaultUser);
        Tokens tokens = new Tokens(http, options.keycloak(), user, options.get("password", null, user + "-demo"));
        return new Gateway(http, options.gateway(), tokens);
    }
}
