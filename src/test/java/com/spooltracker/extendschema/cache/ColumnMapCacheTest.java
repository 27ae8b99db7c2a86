package com.spooltracker.extendschema.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.spooltracker.extendschema.schema.ColumnMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ColumnMapCacheTest {
    private static final SheetKey OPERACIONES = new SheetKey("sheet-1", "Operaciones");
    private static final ColumnMap V3 = ColumnMap.of(List.of("TAG_SPOOL", "OT"));
    private static final ColumnMap V4 = ColumnMap.of(List.of("TAG_SPOOL", "OT", "Total_Uniones"));

    @Test
    void whatARunRemembersTheNextPeeks() {
        ColumnMapCache cache = new ColumnMapCache();
        assertEquals(Optional.empty(), cache.peek(OPERACIONES));

        cache.remember(OPERACIONES, V3);

        assertSame(V3, cache.peek(OPERACIONES).orElseThrow());
    }

    @Test
    void rememberingAgainReplacesTheEarlierLayoutInOneStep() {
        ColumnMapCache cache = new ColumnMapCache();
        cache.remember(OPERACIONES, V3);

        cache.remember(OPERACIONES, V4);

        assertSame(V4, cache.peek(OPERACIONES).orElseThrow());
    }

    @Test
    void invalidateForgetsOneSheetOnly() {
        ColumnMapCache cache = new ColumnMapCache();
        SheetKey uniones = new SheetKey("sheet-1", "Uniones");
        cache.remember(OPERACIONES, V3);
        cache.remember(uniones, V3);

        cache.invalidate(OPERACIONES);

        assertEquals(Optional.empty(), cache.peek(OPERACIONES));
        assertSame(V3, cache.peek(uniones).orElseThrow());
    }

    @Test
    void invalidateAllForgetsEverything() {
        ColumnMapCache cache = new ColumnMapCache();
        cache.remember(OPERACIONES, V3);
        cache.remember(new SheetKey("sheet-2", "Operaciones"), V3);

        cache.invalidateAll();

        assertEquals(Optional.empty(), cache.peek(OPERACIONES));
        assertEquals(Optional.empty(), cache.peek(new SheetKey("sheet-2", "Operaciones")));
    }

    @Test
    void sameTitleInAnotherSpreadsheetIsAnotherEntry() {
        ColumnMapCache cache = new ColumnMapCache();
        cache.remember(OPERACIONES, V3);
        cache.remember(new SheetKey("sheet-2", "Operaciones"), V4);

        assertSame(V3, cache.peek(OPERACIONES).orElseThrow());
    }

    @Test
    void nothingIsRememberedForNoLayout() {
        assertThrows(IllegalArgumentException.class, () -> new ColumnMapCache().remember(OPERACIONES, null));
    }

    @Test
    void concurrentRunsLeaveOneOfTheLayoutsTheyRemembered() throws Exception {
        ColumnMapCache cache = new ColumnMapCache();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                ColumnMap layout = i % 2 == 0 ? V3 : V4;
                runs.add(pool.submit(() -> {
                    cache.remember(OPERACIONES, layout);
                    cache.peek(OPERACIONES).orElseThrow();
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ColumnMap left = cache.peek(OPERACIONES).orElseThrow();
        assertEquals(true, left == V3 || left == V4);
    }
}
