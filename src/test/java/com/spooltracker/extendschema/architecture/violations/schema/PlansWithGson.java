package com.spooltracker.extendschema.architecture.violations.schema;

import com.google.gson.JsonObject;

/** A "pure" class that imports a Google type. */
public final class PlansWithGson {
    JsonObject plan;
}
