package io.salespulse.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Platform-wide: stricter number handling than Jackson's defaults, because quantities and money arrive as JSON numbers. */
@Singleton
public class StrictJsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // "quantity": 2.5 must be an error, not silently 2.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Orders are read as a tree first (to tell the simple form from the full one): keep prices exact there
        // instead of passing them through double.
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
