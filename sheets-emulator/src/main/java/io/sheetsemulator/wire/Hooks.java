package io.sheetsemulator.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.sheetsemulator.control.CallHook;
import io.sheetsemulator.control.CallInfo;
import io.sheetsemulator.control.CellWrite;
import io.sheetsemulator.control.CellWriteListener;
import io.sheetsemulator.model.CellJournal;
import io.sheetsemulator.model.SeedFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The test's hooks into request handling: a {@link CallHook} before each call, a listener for cell writes. */
public final class Hooks {

    private static final Logger LOG = Logger.getLogger(Hooks.class.getName());

    private volatile CallHook callHook;
    private volatile CellWriteListener cellWrites;
    private final AtomicLong sequence = new AtomicLong();

    public void onCall(CallHook hook) {
        this.callHook = hook;
    }

    public void onCellWrite(CellWriteListener listener) {
        this.cellWrites = listener;
    }

    /** Numbers the call and runs the hook; a failing hook is logged and the call goes on. */
    void beforeCall(Route route) {
        long n = sequence.incrementAndGet();
        CallHook hook = callHook;
        if (hook == null) {
            return;
        }
        try {
            hook.beforeCall(new CallInfo(route.endpoint(), route.spreadsheetId(), n));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "CallHook failed before " + route.endpoint() + "; serving the call anyway", e);
        }
    }

    /** Whether anyone listens for cell writes; when no one does, requests skip the journal. */
    boolean listening() {
        return cellWrites != null;
    }

    /** Tells the listener of each change a successful request made; call with the spreadsheet's lock held. */
    void written(String spreadsheetId, String endpoint, List<CellJournal.Change> changes) {
        CellWriteListener listener = cellWrites;
        if (listener == null) {
            return;
        }
        for (CellJournal.Change change : changes) {
            CellWrite write = new CellWrite(
                    spreadsheetId,
                    change.sheetTitle(),
                    change.row(),
                    change.column(),
                    endpoint,
                    json(change.before()),
                    json(change.after()));
            try {
                listener.cellWritten(write);
            } catch (RuntimeException | Error e) {
                // The request is applied already; its answer should not turn into a 500 for the listener's sake.
                LOG.log(Level.WARNING, "CellWriteListener failed on " + write, e);
            }
        }
    }

    private static JsonElement json(io.sheetsemulator.model.CellValue value) {
        JsonElement json = SeedFormat.cellJson(value);
        return json instanceof JsonNull ? null : json;
    }
}
