package io.salespulse.ingest.domain.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.IdempotencyStoreException;
import io.salespulse.ingest.data.PosImportRepository;
import io.salespulse.ingest.data.StoreException;
import io.salespulse.ingest.domain.BatchOutcome;
import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleDraftRules;
import io.salespulse.ingest.domain.SaleIngestService;
import io.salespulse.ingest.domain.SaleLine;
import io.salespulse.ingest.domain.SaleType;
import io.salespulse.support.security.StaffLocations;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports a POS export while it streams in: rows are read and validated one by one, grouped into receipts (one receipt
 * at a time in memory), and every complete valid receipt becomes a STORE sale ({@code store:<store>},
 * externalId {@code <store>:<receipt id>}, at the store's location). Receipts are published in batches of
 * ingest.pos.batch-size through {@link SaleIngestService#ingestBatch}: one idempotency claim batch and one wait for the
 * Kafka acks per batch, which is what makes a 100 MB file take seconds rather than an hour. Memory is bounded by the
 * batch size and one receipt, never by the file. The receipts' externalIds make a re-upload publish nothing new; the
 * SHA-256 of the file tells whether the very same file came before.
 */
@ApplicationScoped
public class PosImportService {
    private final SaleIngestService ingest;
    private final PosImportRepository imports;
    private final Clock clock;
    private final int batchSize;
    private final int maxReported;
    private final Set<String> paymentTypes;
    private final Counter acceptedRows;
    private final Counter rejectedRows;
    private final Counter duplicateRows;

    public PosImportService(SaleIngestService ingest, PosImportRepository imports, Clock clock, IngestConfig config,
                            MeterRegistry registry) {
        this.ingest = ingest;
        this.imports = imports;
        this.clock = clock;
        this.batchSize = config.pos().batchSize();
        this.maxReported = config.pos().maxReportedRejections();
        this.paymentTypes = Set.copyOf(config.pos().paymentTypes());
        this.acceptedRows = registry.counter("salespulse.pos.rows", "outcome", "accepted");
        this.rejectedRows = registry.counter("salespulse.pos.rows", "outcome", "rejected");
        this.duplicateRows = registry.counter("salespulse.pos.rows", "outcome", "duplicate");
    }

    /**
     * Who uploads: {@code source} names them in the import's record and log; {@code stores} are the stores they are
     * bound to (empty: any store), whose receipts alone they may import.
     */
    public record Uploader(String source, List<String> stores) {
        public Uploader {
            stores = List.copyOf(stores);
        }
    }

    /**
     * Imports {@code csv} (UTF-8) uploaded by {@code uploader}.
     *
     * @throws PosFileException          the header is missing or lacks columns: nothing was imported
     * @throws PosImportAbortedException Kafka or PostgreSQL failed midway: upload the same file again
     */
    @WithSpan("PosImportService.importCsv")
    public PosImportResult importCsv(InputStream csv, char delimiter, Uploader uploader) {
        UUID importId = UUID.randomUUID();
        imports.start(importId, uploader.source());
        Run run = new Run(importId, uploader.stores());
        CountingDigest input = new CountingDigest(csv);
        try (PosCsvReader reader = new PosCsvReader(new BufferedReader(
                new InputStreamReader(input, StandardCharsets.UTF_8), 64 * 1024), delimiter, paymentTypes, clock)) {
            ReceiptAssembler receipts = new ReceiptAssembler();
            PosLine line;
            try {
                while ((line = reader.next()) != null) {
                    run.rows++;
                    run.receipt(receipts.accept(line));
                }
            } catch (JsonProcessingException malformed) {
                // The CSV cannot be read past this point; what came before is imported, the open receipt is not.
                long at = malformed.getLocation() == null ? -1 : malformed.getLocation().getLineNr();
                run.error = "malformed CSV at line " + at + ": " + malformed.getOriginalMessage()
                        + "; the rest of the file was not imported";
                PosReceipt open = receipts.finish();
                if (open != null) {
                    open.rowNumbers().forEach(row -> run.reject(row, "not imported: the file is malformed after it"));
                }
                input.drain();
            }
            run.receipt(receipts.finish());
            run.flush();
        } catch (PosFileException e) {
            imports.finish(importId, false, run.counts(input), e.getMessage());
            throw e;
        } catch (IdempotencyStoreException | StoreException e) {
            abort(run, input, "PostgreSQL is unavailable", e);
        } catch (PublishAborted e) {
            abort(run, input, "Kafka did not acknowledge every event", e);
        } catch (IOException e) {
            abort(run, input, "the upload could not be read to its end", e);
        }
        String sha = input.sha256();
        PosImportRepository.Counts counts = run.counts(input);
        imports.finish(importId, true, counts, run.error);
        UUID previous = imports.previous(sha, importId).orElse(null);
        Log.infof("POS import %s by %s: %d rows, %d receipts, %d accepted, %d duplicate, %d rows rejected%s",
                importId, uploader.source(), run.rows, run.receipts, run.accepted, run.duplicates, run.rejectedCount,
                previous == null ? "" : " (same file as import " + previous + ")");
        return new PosImportResult(importId, sha, input.bytes, run.rows, run.receipts, run.accepted, run.acceptedRowCount,
                run.duplicates, run.rejectedCount, run.rejected, previous, run.error);
    }

    private void abort(Run run, CountingDigest input, String what, Exception cause) {
        String message = what + " after " + run.rows + " rows (" + run.accepted + " receipts imported); upload the same "
                + "file again: receipts already imported are skipped";
        Log.warnf("POS import %s aborted: %s (%s)", run.importId, message, cause.toString());
        try {
            imports.finish(run.importId, false, run.counts(input), message);
        } catch (StoreException ignored) {
            // The import row stays RUNNING; the answer still tells the uploader what to do.
        }
        throw new PosImportAbortedException(message, cause);
    }

    /** The state of one import: counters, the reported rejections and the batch of receipts waiting to be published. */
    private final class Run {
        private final UUID importId;
        private final List<String> stores;
        private final List<PosImportResult.Rejection> rejected = new ArrayList<>();
        private final List<SaleDraft> pending = new ArrayList<>();
        private final List<List<Integer>> pendingRows = new ArrayList<>();
        private final Set<String> pendingIds = new HashSet<>();
        private int rows;
        private int receipts;
        private int accepted;
        private int acceptedRowCount;
        private int duplicates;
        private int rejectedCount;
        private String error;

        private Run(UUID importId, List<String> stores) {
            this.importId = importId;
            this.stores = stores;
        }

        void receipt(PosReceipt receipt) {
            if (receipt == null) {
                return;
            }
            if (receipt.store() == null) {
                receipt.invalid().forEach(bad -> reject(bad.row(), bad.reason()));
                return;
            }
            receipts++;
            if (!StaffLocations.allows(stores, receipt.store())) {
                // A bound clerk's file may hold other stores' receipts; their stock is not the clerk's to move.
                rejectAll(receipt, "store " + receipt.store() + " is not one of your stores ("
                        + String.join(", ", stores) + ")");
                countUnlisted(receipt);
                return;
            }
            if (!receipt.valid()) {
                holdBack(receipt);
                return;
            }
            Set<String> currencies = receipt.rows().stream().map(PosRow::currency).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            if (currencies.size() > 1) {
                rejectAll(receipt, "receipt " + receipt.externalId() + " mixes currencies " + currencies);
                return;
            }
            SaleDraft draft = draft(receipt, currencies.isEmpty() ? null : currencies.iterator().next());
            List<String> problems = SaleDraftRules.problems(draft, clock.instant());
            if (!problems.isEmpty()) {
                rejectAll(receipt, "receipt " + receipt.externalId() + ": " + String.join("; ", problems));
                return;
            }
            if (pendingIds.contains(draft.externalId())) {
                // The same receipt twice in one batch: publish the first before judging the second.
                flush();
            }
            pending.add(draft);
            pendingRows.add(receipt.rowNumbers());
            pendingIds.add(draft.externalId());
            if (pending.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<BatchOutcome> outcomes = ingest.ingestBatch(pending, System.nanoTime());
            boolean failed = false;
            for (int i = 0; i < outcomes.size(); i++) {
                BatchOutcome outcome = outcomes.get(i);
                List<Integer> rowNumbers = pendingRows.get(i);
                if (outcome instanceof BatchOutcome.Accepted) {
                    accepted++;
                    acceptedRowCount += rowNumbers.size();
                    acceptedRows.increment(rowNumbers.size());
                } else if (outcome instanceof BatchOutcome.Duplicate) {
                    duplicates++;
                    duplicateRows.increment(rowNumbers.size());
                } else if (outcome instanceof BatchOutcome.Rejected rejection) {
                    rowNumbers.forEach(row -> reject(row, rejection.reason()));
                } else {
                    failed = true;
                    rowNumbers.forEach(row -> reject(row, "not imported: " + ((BatchOutcome.Failed) outcome).reason()));
                }
            }
            pending.clear();
            pendingRows.clear();
            pendingIds.clear();
            if (failed) {
                throw new PublishAborted();
            }
        }

        private void holdBack(PosReceipt receipt) {
            Map<Integer, String> invalidRows = new HashMap<>();
            receipt.invalid().forEach(bad -> invalidRows.put(bad.row(), bad.reason()));
            String why;
            if (receipt.rowCount() > SaleDraftRules.MAX_LINES) {
                why = "receipt " + receipt.externalId() + " has " + receipt.rowCount() + " rows; a sale has at most "
                        + SaleDraftRules.MAX_LINES + " lines";
            } else {
                why = "not imported: receipt " + receipt.externalId() + " has invalid row(s) "
                        + receipt.invalid().stream().map(bad -> Integer.toString(bad.row()))
                        .collect(Collectors.joining(", "));
            }
            // In file order: each invalid row with its own reason, the others with why they were held back.
            receipt.rowNumbers().forEach(row -> reject(row, invalidRows.getOrDefault(row, why)));
            countUnlisted(receipt);
        }

        /** Rows beyond what a receipt keeps in memory are counted, not listed. */
        private void countUnlisted(PosReceipt receipt) {
            int unlisted = receipt.rowCount() - receipt.rowNumbers().size();
            rejectedCount += unlisted;
            rejectedRows.increment(unlisted);
        }

        private void rejectAll(PosReceipt receipt, String reason) {
            receipt.rowNumbers().forEach(row -> reject(row, reason));
        }

        void reject(int row, String reason) {
            rejectedCount++;
            rejectedRows.increment();
            if (rejected.size() < maxReported) {
                rejected.add(new PosImportResult.Rejection(row, reason));
            }
        }

        PosImportRepository.Counts counts(CountingDigest input) {
            return new PosImportRepository.Counts(input.finished ? input.sha256() : null, input.bytes, rows, receipts,
                    accepted, duplicates, rejectedCount);
        }
    }

    private static SaleDraft draft(PosReceipt receipt, String currency) {
        Instant occurredAt = receipt.rows().stream().map(PosRow::timestamp).max(Instant::compareTo).orElseThrow();
        List<SaleLine> lines = receipt.rows().stream()
                .map(row -> new SaleLine(null, row.sku(), row.gtin(), row.quantity(), row.unitPrice()))
                .toList();
        return SaleDraft.builder(Channel.STORE, "store:" + receipt.store())
                .type(SaleType.SALE)
                .externalId(receipt.externalId())
                .locationId(receipt.store())
                .occurredAt(occurredAt)
                .currency(currency)
                .lines(lines)
                .build();
    }

    /** Kafka did not acknowledge every receipt of a batch. */
    private static final class PublishAborted extends RuntimeException {
        PublishAborted() {
            super("Kafka did not acknowledge every receipt of a batch");
        }
    }

    /** The upload as it streams: its byte count and SHA-256, without keeping any of it. */
    private static final class CountingDigest extends FilterInputStream {
        private final MessageDigest digest;
        private long bytes;
        private boolean finished;
        private String sha256;

        CountingDigest(InputStream in) {
            super(in);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
            this.in = new DigestInputStream(in, digest);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
            } else {
                finished = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytes += n;
            } else if (n < 0) {
                finished = true;
            }
            return n;
        }

        /** Reads what is left, so the hash covers the whole file. */
        void drain() {
            if (finished) {
                return;
            }
            try {
                byte[] buffer = new byte[64 * 1024];
                while (read(buffer, 0, buffer.length) >= 0) {
                    // hashing only
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String sha256() {
            if (sha256 == null) {
                drain();
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
            return sha256;
        }
    }
}
