package io.salespulse.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web frontend in a real browser (Debian Chromium through playwright-core, web-frontend/e2e/run.mjs) against the
 * whole stack: clerk, analyst and manager flows. Screenshots land in web-frontend/target/e2e.
 */
class FrontendE2EIT {

    @Test
    void browserFlowsPassAgainstTheRealStack() throws IOException, InterruptedException {
        SystemStack stack = SystemStack.get();
        Path frontend = stack.root().resolve("web-frontend");
        Path log = stack.root().resolve("deploy/system-tests/target/e2e.log");
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "e2e")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", stack.gatewayUrl());
        Process e2e = builder.start();
        boolean finished = e2e.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            e2e.destroyForcibly();
        }
        // Through System.out, which failsafe captures into the report (a child writing to the fork's stream is not).
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("browser tests finished within 10 minutes").isTrue();
        assertThat(e2e.exitValue()).as("npm run e2e failed:%n%s", failures(output)).isZero();
    }

    /** The failed tests with their first stack lines, and the summary: what a CI log must show. */
    private static String failures(String output) {
        StringBuilder failed = new StringBuilder();
        boolean inFailure = false;
        for (String line : output.split("\\R")) {
            if (line.startsWith("  ✗") || line.startsWith("e2e")) {
                inFailure = line.startsWith("  ✗");
                failed.append(line).append(System.lineSeparator());
            } else if (inFailure && line.startsWith("    ")) {
                failed.append(line).append(System.lineSeparator());
            } else {
                inFailure = false;
            }
        }
        return failed.toString();
    }
}
