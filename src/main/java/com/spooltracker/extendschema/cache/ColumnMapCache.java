package com.spooltracker.extendschema.cache;

import com.spooltracker.extendschema.schema.ColumnMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Per-instance cache of each sheet's {@link ColumnMap} (normalized header name → 0-based column
 * index), so that a warm function instance knows a sheet's layout without reading its header first.
 *
 * <p>Thread-safe. {@link #getOrBuild} runs the builder at most once per key however many callers
 * ask at the same time: the others wait for that build and share its result. A build that fails is
 * not cached; the next caller builds again.
 *
 * <p>Whoever changes a sheet's header must call {@link #invalidate} afterwards: the cache cannot see
 * the sheet change. A cached map can also be stale because someone else edited the sheet, so
 * callers that rely on it must check it against what they read (the migration does, in the same
 * response).
 */
public final class ColumnMapCache {
    private static final ColumnMapCache SHARED = new ColumnMapCache();

    private final ConcurrentMap<SheetKey, CompletableFuture<ColumnMap>> maps = new ConcurrentHashMap<>();

    /** The instance-wide cache that the function and the CLI use (one per JVM, i.e. per function instance). */
    public static ColumnMapCache shared() {
        return SHARED;
    }

    /**
     * The cached map for {@code key}, building it with {@code builder} if there is none.
     *
     * @throws RuntimeException whatever the builder threw (unwrapped), for this caller and for the
     *     callers that were waiting on the same build
     */
    public ColumnMap getOrBuild(SheetKey key, Supplier<ColumnMap> builder) {
        CompletableFuture<ColumnMap> mine = new CompletableFuture<>();
        CompletableFuture<ColumnMap> existing = maps.putIfAbsent(key, mine);
        if (existing != null) {
            return join(existing);
        }
        try {
            ColumnMap built = builder.get();
            if (built == null) {
                throw new IllegalStateException("column map builder returned null for " + key);
            }
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error e) {
            maps.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The cached map for {@code key}, if one is cached and finished building. */
    public Optional<ColumnMap> peek(SheetKey key) {
        CompletableFuture<ColumnMap> future = maps.get(key);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(future.join());
    }

    /** Forgets {@code key}'s map; the next {@link #getOrBuild} builds it again. */
    public void invalidate(SheetKey key) {
        maps.remove(key);
    }

    public void invalidateAll() {
        maps.clear();
    }

    private static ColumnMap join(CompletableFuture<ColumnMap> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
