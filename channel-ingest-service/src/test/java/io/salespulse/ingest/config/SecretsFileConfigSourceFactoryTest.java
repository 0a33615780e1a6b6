package io.salespulse.ingest.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsFileConfigSourceFactoryTest {
    private final SecretsFileConfigSourceFactory factory = new SecretsFileConfigSourceFactory();

    @Test
    void theNamedFileBecomesAConfigSourceBetweenApplicationPropertiesAndTheEnvironment(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("salespulse-secrets.properties");
        Files.writeString(file, """
                # mounted secret, never committed
                salespulse.shopify.secrets=test-shop.myshopify.com=fake-from-file
                salespulse.pseudonym.key=fake-key-from-file
                """);

        List<ConfigSource> sources = sources(Map.of(SecretsFileConfigSourceFactory.KEY, file.toString()));

        assertThat(sources).hasSize(1);
        ConfigSource source = sources.get(0);
        assertThat(source.getValue("salespulse.shopify.secrets")).isEqualTo("test-shop.myshopify.com=fake-from-file");
        assertThat(source.getValue("salespulse.pseudonym.key")).isEqualTo("fake-key-from-file");
        assertThat(source.getOrdinal()).isGreaterThan(250).isLessThan(300);
    }

    @Test
    void withoutTheKeyNothingIsRead() {
        assertThat(sources(Map.of())).isEmpty();
    }

    @Test
    void aNamedFileThatCannotBeReadStopsTheStart(@TempDir Path dir) {
        Map<String, String> config = Map.of(SecretsFileConfigSourceFactory.KEY, dir.resolve("missing").toString());

        assertThatThrownBy(() -> sources(config)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot be read");
    }

    private List<ConfigSource> sources(Map<String, String> values) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
        List<ConfigSource> sources = new ArrayList<>();
        factory.getConfigSources(context).forEach(sources::add);
        return Collections.unmodifiableList(sources);
    }
}
