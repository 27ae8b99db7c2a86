package io.sheetsemulator.wire;

import io.sheetsemulator.control.FaultRule;
import java.util.ArrayList;
import java.util.List;

/** The armed fault rules and how often each has matched and fired. Thread-safe. */
public final class FaultBook {

    /** One rule as armed now: how many requests it has matched and how often it has fired. */
    public record Armed(FaultRule rule, int matched, int fired) {}

    private static final class Counting {
        final FaultRule rule;
        int matched;
        int fired;

        Counting(FaultRule rule) {
            this.rule = rule;
        }
    }

    private final List<Counting> armed = new ArrayList<>();

    public synchronized void add(FaultRule rule) {
        armed.add(new Counting(rule));
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** The armed rules in the order they were added, each with how often it has matched and fired. */
    public synchronized List<Armed> list() {
        return armed.stream().map(a -> new Armed(a.rule, a.matched, a.fired)).toList();
    }

    /** Counts the request against every matching rule; returns the first rule's action that fires, or null. */
    synchronized FaultRule.Action decide(String endpoint, String method, String rawPath) {
        FaultRule.Action chosen = null;
        for (Counting a : armed) {
            if (!a.rule.matches(endpoint, method, rawPath)) {
                continue;
            }
            a.matched++;
            boolean due = a.matched >= a.rule.nth() && (a.rule.times() == 0 || a.fired < a.rule.times());
            if (due && chosen == null) {
                a.fired++;
                chosen = a.rule.action();
            }
        }
        return chosen;
    }
}
