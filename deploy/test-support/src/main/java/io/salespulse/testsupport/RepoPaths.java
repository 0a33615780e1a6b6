package io.salespulse.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files the whole repository shares (contracts, SQL), whichever module a test runs from. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static Path root() {
        String configured = System.getProperty("salespulse.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "contracts"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/contracts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a folder holding deploy/contracts)");
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
