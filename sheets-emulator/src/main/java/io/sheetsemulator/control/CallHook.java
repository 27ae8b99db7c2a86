package io.sheetsemulator.control;

/**
 * Runs before every Sheets API request the emulator receives (not the admin API): before faults, quota and
 * serving, outside every lock, on the thread serving the request. It may change the spreadsheet (e.g. with
 * {@code SheetsEmulator.edit} or {@code setValues}), so that a person's edit lands between any two calls of
 * a client. An exception it throws is logged and the request is served as if the hook had returned.
 */
@FunctionalInterface
public interface CallHook {

    void beforeCall(CallInfo call);
}
