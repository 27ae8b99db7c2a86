package com.spooltracker.extendschema.cache;

import com.spooltracker.extendschema.schema.ColumnMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-instance cache of each sheet's {@link ColumnMap} (normalized header name → 0-based column
 * index), so that a warm function instance knows a sheet's layout without reading its header first.
 *
 * <p>Thread-safe; each operation is atomic. A layout is only ever learned from a read (or from a write
 * the run just made), so there is nothing to build: a run {@link #remember}s what it read, replacing
 * what was there.
 *
 * <p>Whoever changes a sheet's header must call {@link #invalidate} afterwards: the cache cannot see
 * the sheet change. A cached map can also be stale because someone else edited the sheet, so
 * callers that rely on it must check it against what they read (the migration does, in the same
 * response).
 */
public final class ColumnMapCache {
    private static final ColumnMapCache SHARED = new ColumnMapCache();

    private final ConcurrentMap<SheetKey, ColumnMap> maps = new ConcurrentHashMap<>();

    /** The instance-wide cache that the function and the CLI use (one per JVM, i.e. per function instance). */
    public static ColumnMapCache shared() {
        return SHARED;
    }

    /** The cached map for {@code key}, if one is cached. */
    public Optional<ColumnMap> peek(SheetKey key) {
        return Optional.ofNullable(maps.get(key));
    }

    /** Remembers {@code layout} as {@code key}'s, in one step, replacing any earlier one. */
    public void remember(SheetKey key, ColumnMap layout) {
        if (layout == null) {
            throw new IllegalArgumentException("no column map to remember for " + key);
        }
        maps.put(key, layout);
    }

    /** Forgets {@code key}'s map. */
    public void invalidate(SheetKey key) {
        maps.remove(key);
    }

    public void invalidateAll() {
        maps.clear();
    }
}
