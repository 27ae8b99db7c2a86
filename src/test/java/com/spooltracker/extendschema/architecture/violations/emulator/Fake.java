package com.spooltracker.extendschema.architecture.violations.emulator;

/** Stands for the emulator that {@code violations.Root} must not import. */
public final class Fake {}
