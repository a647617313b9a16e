package com.clinicrecords.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests released at the same moment, each from its own thread, for the tests of what happens when they race
 * (double bookings, identical creates, a booking or an upload during a link change). Every thread is started and
 * waiting before any is released; loopback only, bounded in time (30 s to start, 90 s per answer).
 */
public final class AtOnce {

    private AtOnce() {}

    /** The answers, in the order of {@code calls}. */
    public static List<ApiResponse> send(List<Supplier<ApiResponse>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Supplier<ApiResponse> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the request threads did not start within 30 s");
            }
            go.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                responses.add(f.get(90, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @SafeVarargs
    public static List<ApiResponse> send(Supplier<ApiResponse>... calls) {
        return send(List.of(calls));
    }

    /** {@code count} copies of one request. */
    public static List<ApiResponse> copies(int count, Supplier<ApiResponse> call) {
        return send(Collections.nCopies(count, call));
    }
}
