package com.spooltracker.extendschema.architecture.violations;

/** Breaks the class-cycle rule on purpose (ArchitectureTest): it uses {@link Root}, which uses it back. */
public final class RootBack {
    Root root;

    static RootBack of(Root root) {
        RootBack back = new RootBack();
        back.root = root;
        return back;
    }
}
