package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sheetsemulator.control.Counters;
import io.sheetsemulator.control.FaultRule;
import io.sheetsemulator.control.RequestRecord;
import io.sheetsemulator.model.SheetsError;
import java.util.List;

/**
 * The admin HTTP API under {@code /admin/}: the Java face's operations with JSON in and out. Not
 * counted in traffic. Errors use the same JSON shape as the API.
 */
final class AdminApi {

    private final Control control;

    AdminApi(Control control) {
        this.control = control;
    }

    HttpFront.Answer handle(String method, String path, byte[] body) {
        try {
            JsonObject json = Json.object(body);
            return route(method, path, json);
        } catch (SheetsError e) {
            return HttpFront.Answer.error(e);
        } catch (IllegalArgumentException
                | IllegalStateException
                | NullPointerException
                | ClassCastException
                | UnsupportedOperationException e) {
            // Every mistake in an admin request is the caller's: a 400 saying what is valid, never a dropped
            // connection.
            return HttpFront.Answer.error(SheetsError.invalid(String.valueOf(e.getMessage())));
        }
    }

    /** The operations, as {@code GET /admin/} lists them. */
    static final List<String> OPERATIONS = List.of(
            "GET /admin/",
            "PUT /admin/spreadsheets (seed JSON; POST too)",
            "GET /admin/spreadsheets/{id}",
            "DELETE /admin/spreadsheets/{id}",
            "GET /admin/faults",
            "POST /admin/faults",
            "DELETE /admin/faults",
            "PUT /admin/quota",
            "DELETE /admin/quota",
            "GET /admin/counters",
            "DELETE /admin/counters",
            "GET /admin/requests",
            "POST /admin/reset");

    private HttpFront.Answer route(String method, String path, JsonObject json) {
        String key = method + " " + (path.startsWith("spreadsheets/") ? "spreadsheets/{id}" : path);
        return switch (key) {
            case "GET " -> HttpFront.Answer.ok(operations());
            case "GET faults" -> HttpFront.Answer.ok(faults());
            case "PUT spreadsheets", "POST spreadsheets" -> {
                control.seed(require(json));
                yield done();
            }
            case "GET spreadsheets/{id}" -> HttpFront.Answer.ok(control.dump(Route.decode(path.substring(13))));
            case "DELETE spreadsheets/{id}" -> {
                if (!control.delete(Route.decode(path.substring(13)))) {
                    throw new SheetsError.NotFound();
                }
                yield done();
            }
            case "POST faults" -> {
                control.addFault(AdminJson.fault(require(json)));
                yield done();
            }
            case "DELETE faults" -> {
                control.clearFaults();
                yield done();
            }
            case "PUT quota" -> {
                control.setQuota(AdminJson.quota(require(json)));
                yield done();
            }
            case "DELETE quota" -> {
                control.setQuota(null);
                yield done();
            }
            case "GET counters" -> HttpFront.Answer.ok(counters(control.counters()));
            case "DELETE counters" -> {
                control.resetCounters();
                yield done();
            }
            case "GET requests" -> HttpFront.Answer.ok(requests());
            case "POST reset" -> {
                control.reset();
                yield done();
            }
            default ->
                HttpFront.Answer.of(
                        404,
                        ErrorBody.of(
                                404,
                                "NOT_FOUND",
                                "No admin operation " + method + " /admin/" + path + "; the operations: "
                                        + String.join(", ", OPERATIONS)),
                        null);
        };
    }

    private static JsonObject operations() {
        JsonArray list = new JsonArray();
        OPERATIONS.forEach(list::add);
        JsonArray endpoints = new JsonArray();
        FaultRule.ENDPOINTS.forEach(endpoints::add);
        JsonArray actions = new JsonArray();
        AdminJson.ACTIONS.forEach(actions::add);
        JsonObject json = new JsonObject();
        json.add("operations", list);
        json.add("faultEndpoints", endpoints);
        json.add("faultActions", actions);
        return json;
    }

    private JsonObject faults() {
        JsonArray list = new JsonArray();
        for (FaultBook.Armed armed : control.armedFaults()) {
            JsonObject one = AdminJson.fault(armed.rule());
            one.addProperty("matched", armed.matched());
            one.addProperty("fired", armed.fired());
            list.add(one);
        }
        JsonObject json = new JsonObject();
        json.add("faults", list);
        return json;
    }

    private static JsonObject require(JsonObject json) {
        if (json == null) {
            throw SheetsError.invalid("A JSON body is required.");
        }
        return json;
    }

    private static HttpFront.Answer done() {
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        return HttpFront.Answer.ok(ok);
    }

    static JsonObject counters(Counters counters) {
        JsonObject json = new JsonObject();
        json.addProperty("calls", counters.calls());
        json.addProperty("reads", counters.reads());
        json.addProperty("writes", counters.writes());
        json.addProperty("bytesIn", counters.bytesIn());
        json.addProperty("bytesOut", counters.bytesOut());
        JsonObject byEndpoint = new JsonObject();
        counters.byEndpoint().forEach((name, e) -> {
            JsonObject one = new JsonObject();
            one.addProperty("calls", e.calls());
            one.addProperty("bytesIn", e.bytesIn());
            one.addProperty("bytesOut", e.bytesOut());
            byEndpoint.add(name, one);
        });
        json.add("byEndpoint", byEndpoint);
        return json;
    }

    private JsonObject requests() {
        JsonArray list = new JsonArray();
        for (RequestRecord r : control.requestLog()) {
            JsonObject one = new JsonObject();
            one.addProperty("method", r.method());
            one.addProperty("endpoint", r.endpoint());
            one.addProperty("pathAndQuery", r.pathAndQuery());
            one.addProperty("status", r.status());
            one.addProperty("bytesIn", r.bytesIn());
            one.addProperty("bytesOut", r.bytesOut());
            one.addProperty("outcome", r.outcome());
            JsonObject headers = new JsonObject();
            r.headers().forEach((name, values) -> {
                JsonArray all = new JsonArray();
                values.forEach(all::add);
                headers.add(name, all);
            });
            one.add("headers", headers);
            one.addProperty("body", r.body());
            list.add(one);
        }
        JsonObject json = new JsonObject();
        json.add("requests", list);
        return json;
    }
}
