package io.salespulse.ingest.data;

import io.salespulse.ingest.config.IngestConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * The idempotency claims and ACCEPTED marks of single orders ({@code POST /orders}), group-committed: concurrent
 * requests share one JDBC batch and one PostgreSQL transaction per step (claims, marks) instead of two transactions
 * each. Every caller still waits for its own write, so what a retry sees is unchanged.
 */
@ApplicationScoped
public class IdempotencyWrites {
    private static final int MAX_BATCH = 256;
    // Beyond this many waiting writes PostgreSQL is not keeping up: refuse (503) rather than queue without bound.
    private static final int CAPACITY = 4096;

    private final GroupCommit<IdempotencyRepository.ClaimRequest, KeyClaim> claims;
    private final GroupCommit<IdempotencyRepository.ClaimedKey, Boolean> accepted;

    public IdempotencyWrites(IdempotencyRepository keys, IngestConfig config) {
        Duration takeoverAfter = config.idempotency().takeoverAfter();
        claims = new GroupCommit<>("idempotency-claims", MAX_BATCH, CAPACITY,
                batch -> keys.claimAll(batch, takeoverAfter), IdempotencyWrites::dataFault);
        accepted = new GroupCommit<>("idempotency-accepted", MAX_BATCH, CAPACITY, batch -> {
            keys.markAllAccepted(batch);
            return Collections.nCopies(batch.size(), Boolean.TRUE);
        }, IdempotencyWrites::dataFault);
    }

    /**
     * {@link IdempotencyRepository#claim}, in the next batch of claims ({@link IdempotencyRepository#claimAll}).
     * Completes on the writer thread; fails with {@link IdempotencyStoreException} when the store is unavailable.
     */
    public CompletionStage<KeyClaim> claim(IdempotencyRepository.ClaimRequest request) {
        return submit(claims, request);
    }

    /** Marks a claim ACCEPTED, in the next batch of marks ({@link IdempotencyRepository#markAllAccepted}). */
    public CompletionStage<Boolean> markAccepted(IdempotencyRepository.ClaimedKey key) {
        return submit(accepted, key);
    }

    /** A write that was refused (queue full or closed) or not answered in time is the store being unavailable. */
    private static <T, R> CompletionStage<R> submit(GroupCommit<T, R> writes, T write) {
        return writes.submitAsync(write).exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                failure instanceof RejectedExecutionException rejected
                        ? new IdempotencyStoreException("PostgreSQL is not keeping up: " + rejected.getMessage(), rejected)
                        : failure));
    }

    @PreDestroy
    void close() {
        claims.close();
        accepted.close();
    }

    /** Data exceptions (class 22) and constraint violations (23) come from one row; anything else from the database. */
    static boolean dataFault(RuntimeException failure) {
        if (failure.getCause() instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
        }
        return false;
    }
}
