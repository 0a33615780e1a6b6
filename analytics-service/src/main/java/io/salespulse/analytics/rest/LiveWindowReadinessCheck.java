package io.salespulse.analytics.rest;

import io.salespulse.analytics.domain.AnalyticsService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready before the live window is rebuilt from the database: until then its figures would be too low. */
@Readiness
@ApplicationScoped
public class LiveWindowReadinessCheck implements HealthCheck {
    private final AnalyticsService analytics;

    public LiveWindowReadinessCheck(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Analytics live window")
                .status(analytics.rebuilt())
                .withData("trackedOrders", analytics.window().trackedOrders())
                .build();
    }
}
