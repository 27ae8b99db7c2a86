package com.spooltracker.extendschema.soak;

import io.sheetsemulator.control.FaultRule;
import java.util.Random;

/** Random faults on one call, as the emulator's fault rules: added just before the call they hit. */
final class Faults {
    private Faults() {}

    /** A rule that hits the next {@code endpoint} call once, and what it does. */
    static FaultRule pick(Random random, String endpoint) {
        FaultRule.Target next = FaultRule.on(endpoint).times(1);
        return switch (random.nextInt(7)) {
            case 0, 1 -> next.status(503);
            case 2 -> next.status(429);
            case 3 -> next.dropBeforeAnswer();
            case 4 -> next.applyThenDrop();
            case 5 -> next.status(500);
            default -> next.applyThenRespond(200, "{\"spreadsheetId\":7}");
        };
    }

    static String describe(FaultRule rule) {
        FaultRule.Action action = rule.action();
        if (action instanceof FaultRule.Action.Status s) {
            return "answered " + s.code();
        }
        if (action instanceof FaultRule.Action.DropBeforeAnswer) {
            return "connection dropped before applying";
        }
        if (action instanceof FaultRule.Action.ApplyThenDrop) {
            return "applied, then connection dropped";
        }
        if (action instanceof FaultRule.Action.Respond r) {
            return "applied, then answered " + r.code() + " " + r.body();
        }
        return action.toString();
    }
}
