package com.spooltracker.extendschema.architecture.violations;

import com.google.api.services.sheets.v4.model.ValueRange;
import com.spooltracker.extendschema.architecture.violations.emulator.Fake;
import com.spooltracker.extendschema.architecture.violations.sheets.Gateway;

/**
 * Breaks the import rules on purpose (ArchitectureTest): a root class that imports the emulator and a Sheets
 * model type, and is imported back by {@link Gateway} (a package cycle).
 */
public final class Root {
    Fake emulator;
    ValueRange values;
    Gateway gateway;
    RootBack back;
}
