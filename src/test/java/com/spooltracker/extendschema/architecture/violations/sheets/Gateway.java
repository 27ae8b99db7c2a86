package com.spooltracker.extendschema.architecture.violations.sheets;

import com.spooltracker.extendschema.architecture.violations.Root;

/** Imports the root package that imports it (a cycle, as sheets/ once did with the root Failure). */
public final class Gateway {
    Root failure;
}
