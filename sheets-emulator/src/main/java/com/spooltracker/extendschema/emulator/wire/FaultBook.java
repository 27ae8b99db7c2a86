package com.spooltracker.extendschema.emulator.wire;

import com.spooltracker.extendschema.emulator.control.FaultRule;
import java.util.ArrayList;
import java.util.List;

/** The armed fault rules and how often each has matched and fired. Thread-safe. */
public final class FaultBook {

    private static final class Armed {
        final FaultRule rule;
        int matched;
        int fired;

        Armed(FaultRule rule) {
            this.rule = rule;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    public synchronized void add(FaultRule rule) {
        armed.add(new Armed(rule));
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Counts the request against every matching rule; returns the first rule's action that fires, or null. */
    synchronized FaultRule.Action decide(String endpoint, String method, String rawPath) {
        FaultRule.Action chosen = null;
        for (Armed a : armed) {
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
