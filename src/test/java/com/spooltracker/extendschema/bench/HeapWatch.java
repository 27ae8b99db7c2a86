package com.spooltracker.extendschema.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap use of this JVM during one run: the largest total of the heap pools just before any
 * collection, or at the end of the run. Garbage not yet collected counts, as it does against -Xmx.
 */
final class HeapWatch {
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong NOTIFIED = new AtomicLong();

    static {
        NOTIFIED.set(collections()); // collections before the listeners exist are never notified
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (notification
                                        .getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                                    var info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                                            .filter(e -> HEAP_POOLS.contains(e.getKey()))
                                            .mapToLong(e -> e.getValue().getUsed())
                                            .sum();
                                    PEAK.accumulateAndGet(before, Math::max);
                                    NOTIFIED.incrementAndGet();
                                }
                            },
                            null,
                            null);
        }
    }

    private HeapWatch() {}

    /** Collects the previous run's garbage and starts a new peak from what is live now. */
    static void reset() {
        System.gc();
        awaitNotifications();
        PEAK.set(used());
    }

    /** The peak since {@link #reset}, in bytes. */
    static long peak() {
        awaitNotifications();
        return Math.max(PEAK.get(), used());
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Notifications arrive on another thread; wait until every collection so far has been seen. */
    private static void awaitNotifications() {
        long deadline = System.nanoTime() + 500_000_000L;
        while (NOTIFIED.get() < collections() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c > 0)
                .sum();
    }
}
