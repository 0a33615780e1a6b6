package io.salespulse.load;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options, with defaults from the environment. */
record Options(String command, Map<String, String> values) {

    static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Options(args[0], values);
    }

    String get(String name, String envName, String fallback) {
        String value = values.get(name);
        if (value == null && envName != null) {
            value = System.getenv(envName);
        }
        return value == null ? fallback : value;
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    String gateway() {
        return get("gateway", "GATEWAY_URL", "http://localhost:8080");
    }

    String keycloak() {
        return get("keycloak", "KEYCLOAK_URL", "http://localhost:8180");
    }
}
