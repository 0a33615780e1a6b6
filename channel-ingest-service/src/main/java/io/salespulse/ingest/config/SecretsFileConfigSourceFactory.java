package io.salespulse.ingest.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Reads the properties file named by {@code salespulse.secrets-file} (environment SALESPULSE_SECRETS_FILE), e.g. a
 * mounted Kubernetes secret, as configuration: any key may be set there, typically
 * {@code salespulse.shopify.secrets}, {@code salespulse.woocommerce.secrets}, {@code salespulse.pseudonym.key},
 * {@code salespulse.marketplaces.<name>.secret}. Its ordinal ({@value #ORDINAL}) is above application.properties (250)
 * and below environment variables (300), so an operator can still override a single value. A named file that cannot
 * be read stops the start: running without the secrets someone meant to configure would reject every webhook.
 */
public class SecretsFileConfigSourceFactory implements ConfigSourceFactory {
    public static final String KEY = "salespulse.secrets-file";
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue file = context.getValue(KEY);
        if (file == null || file.getValue() == null || file.getValue().isBlank()) {
            return List.of();
        }
        Path path = Path.of(file.getValue().strip());
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(KEY + " names " + path + ", which cannot be read", e);
        }
        return List.of(new PropertiesConfigSource(properties, "salespulse secrets file " + path, ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
