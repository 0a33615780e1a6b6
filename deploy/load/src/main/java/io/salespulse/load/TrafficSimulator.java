package io.salespulse.load;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Demo traffic that keeps the dashboard alive: orders arrive as a Poisson process whose rate follows the time of
 * day in Europe (quiet nights, breakfast, lunch and after-work peaks). Survives restarts of the platform.
 */
final class TrafficSimulator {
    private final Gateway gateway;
    private final OrderFactory orders;
    private final SplittableRandom random = new SplittableRandom();
    private final double peakRate;

    TrafficSimulator(Gateway gateway, DemoCatalog catalog, double peakRate) {
        this.gateway = gateway;
        this.orders = new OrderFactory(catalog, new SplittableRandom());
        this.peakRate = peakRate;
    }

    void run() throws InterruptedException {
        long sent = 0;
        long failures = 0;
        long lastReport = System.currentTimeMillis();
        while (!Thread.currentThread().isInterrupted()) {
            ZonedDateTime local = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
            double hour = local.getHour() + local.getMinute() / 60.0;
            double ratePerSecond = Math.max(0.2, peakRate * OrderFactory.demandFactor(hour) / 1.3);
            Thread.sleep((long) (-Math.log(1 - random.nextDouble()) / ratePerSecond * 1000));
            Map<String, Object> order = orders.sale(Instant.now(), "demo-");
            try {
                HttpResponse<String> response = gateway.send("POST", "/api/orders", order);
                if (response.statusCode() == 202) {
                    sent++;
                } else {
                    failures++;
                    System.err.println("order refused: " + response.statusCode() + " " + response.body());
                }
            } catch (Exception unavailable) {
                failures++;
                Thread.sleep(2000);
            }
            if (System.currentTimeMillis() - lastReport > 60_000) {
                System.out.printf("%s demo traffic: %d orders sent, %d failed, now %.1f orders/s%n",
                        Instant.now(), sent, failures, ratePerSecond);
                lastReport = System.currentTimeMillis();
            }
        }
    }
}
