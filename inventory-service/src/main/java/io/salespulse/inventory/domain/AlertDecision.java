package io.salespulse.inventory.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the alert policy wants for one type of alert on one level: raise a new one or resolve the open one. */
public record AlertDecision(AlertType type, Action action, Map<String, Object> details) {

    public enum Action {
        RAISE, RESOLVE
    }

    public AlertDecision {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
