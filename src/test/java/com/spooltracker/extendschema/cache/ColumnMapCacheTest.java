package com.spooltracker.extendschema.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.schema.ColumnMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ColumnMapCacheTest {
    private static final SheetKey OPERACIONES = new SheetKey("sheet-1", "Operaciones");
    private static final ColumnMap V3 = ColumnMap.of(List.of("TAG_SPOOL", "OT", "Fecha_QC_Metrología"));

    private final ColumnMapCache cache = new ColumnMapCache();

    @Test
    void buildsOnceAndAnswersFromTheCacheAfterwards() {
        AtomicInteger builds = new AtomicInteger();
        ColumnMap first = cache.getOrBuild(OPERACIONES, () -> {
            builds.incrementAndGet();
            return V3;
        });
        ColumnMap second = cache.getOrBuild(OPERACIONES, () -> {
            builds.incrementAndGet();
            return V3;
        });

        assertSame(first, second);
        assertEquals(1, builds.get());
        assertEquals(2, first.indexOf("fecha qc metrologia").getAsInt());
    }

    @Test
    void invalidateForgetsOneSheetOnly() {
        SheetKey uniones = new SheetKey("sheet-1", "Uniones");
        cache.getOrBuild(OPERACIONES, () -> V3);
        cache.getOrBuild(uniones, () -> V3);

        cache.invalidate(OPERACIONES);

        assertTrue(cache.peek(OPERACIONES).isEmpty());
        assertTrue(cache.peek(uniones).isPresent());
    }

    @Test
    void invalidateAllForgetsEverything() {
        cache.getOrBuild(OPERACIONES, () -> V3);
        cache.getOrBuild(new SheetKey("sheet-2", "Operaciones"), () -> V3);

        cache.invalidateAll();

        assertTrue(cache.peek(OPERACIONES).isEmpty());
        assertTrue(cache.peek(new SheetKey("sheet-2", "Operaciones")).isEmpty());
    }

    @Test
    void sameTitleInAnotherSpreadsheetIsAnotherEntry() {
        ColumnMap other = ColumnMap.of(List.of("ID"));
        cache.getOrBuild(OPERACIONES, () -> V3);

        assertSame(other, cache.getOrBuild(new SheetKey("sheet-2", "Operaciones"), () -> other));
    }

    @Test
    void aFailedBuildIsNotCachedAndReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("read failed");
        assertSame(
                boom,
                assertThrows(
                        IllegalStateException.class,
                        () -> cache.getOrBuild(OPERACIONES, () -> {
                            throw boom;
                        })));

        assertSame(V3, cache.getOrBuild(OPERACIONES, () -> V3));
    }

    @Test
    void concurrentCallersShareOneBuild() throws Exception {
        int callers = 16;
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch building = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ColumnMap>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.getOrBuild(OPERACIONES, () -> {
                        builds.incrementAndGet();
                        building.countDown();
                        sleep(100); // keep the build open while the others arrive
                        return ColumnMap.of(List.of("TAG_SPOOL"));
                    });
                }));
            }
            start.countDown();
            ColumnMap first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<ColumnMap> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, builds.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCallersWaitingOnAFailedBuildAllSeeTheFailure() throws Exception {
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.getOrBuild(OPERACIONES, () -> {
                        builds.incrementAndGet();
                        sleep(100);
                        throw new IllegalStateException("upstream down");
                    });
                }));
            }
            start.countDown();
            int failed = 0;
            for (Future<?> result : results) {
                try {
                    result.get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertEquals("upstream down", e.getCause().getMessage());
                    failed++;
                }
            }
            assertEquals(callers, failed);
            assertTrue(builds.get() < callers, "builds: " + builds.get());
            assertTrue(cache.peek(OPERACIONES).isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
