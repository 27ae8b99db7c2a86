package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sheetsemulator.control.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminApiTest extends EmulatorFixture {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(emu.rootUrl() + "admin/" + path))
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void seedDumpAndDeleteSpreadsheets() throws Exception {
        String seed =
                "{\"spreadsheetId\":\"a1\",\"title\":\"Admin\",\"sheets\":[{\"title\":\"S\",\"rows\":[[\"x\",2]]}]}";
        assertEquals(200, call("PUT", "spreadsheets", seed).statusCode());
        assertEquals(
                List.of(List.of("x", "2")),
                sheets.spreadsheets().values().get("a1", "S!A1:B1").execute().getValues());
        HttpResponse<String> dump = call("GET", "spreadsheets/a1", null);
        assertEquals(200, dump.statusCode());
        assertEquals(emu.dump("a1"), json(dump));
        assertEquals(200, call("DELETE", "spreadsheets/a1", null).statusCode());
        assertEquals(404, call("GET", "spreadsheets/a1", null).statusCode());
        assertEquals(404, call("DELETE", "spreadsheets/a1", null).statusCode());
    }

    @Test
    void invalidSeedIsA400() throws Exception {
        HttpResponse<String> response = call(
                "PUT",
                "spreadsheets",
                "{\"spreadsheetId\":\"x\",\"sheets\":[{\"title\":\"S\",\"rowCount\":1,\"rows\":[[1],[2]]}]}");
        assertEquals(400, response.statusCode());
        assertEquals(
                "INVALID_ARGUMENT",
                json(response).getAsJsonObject("error").get("status").getAsString());
    }

    @Test
    void faultsCanBeAddedAndClearedAsJson() throws Exception {
        seedSmall();
        assertEquals(
                200,
                call(
                                "POST",
                                "faults",
                                "{\"endpoint\":\"values.get\",\"nth\":1,\"times\":1,\"action\":\"status\",\"code\":503,\"retryAfterSeconds\":2}")
                        .statusCode());
        GoogleJsonResponseException e = assertThrows(
                GoogleJsonResponseException.class,
                () -> sheets.spreadsheets().values().get("s1", "A1").execute());
        assertEquals(503, e.getStatusCode());
        assertEquals("2", e.getHeaders().getFirstHeaderStringValue("Retry-After"));
        assertEquals(
                200,
                call("POST", "faults", "{\"endpoint\":\"values.get\",\"times\":0,\"action\":\"status\",\"code\":500}")
                        .statusCode());
        assertEquals(200, call("DELETE", "faults", null).statusCode());
        assertEquals(
                "name",
                sheets.spreadsheets()
                        .values()
                        .get("s1", "A1")
                        .execute()
                        .getValues()
                        .get(0)
                        .get(0));
        assertEquals(
                400,
                call("POST", "faults", "{\"endpoint\":\"values.get\",\"action\":\"explode\"}")
                        .statusCode());
    }

    @Test
    void quotaCanBeSetAndRemoved() throws Exception {
        seedSmall();
        assertEquals(
                200,
                call("PUT", "quota", "{\"writesPerWindow\":0,\"readsPerWindow\":1,\"windowSeconds\":60}")
                        .statusCode());
        sheets.spreadsheets().values().get("s1", "A1").execute();
        assertEquals(
                429,
                assertThrows(
                                GoogleJsonResponseException.class,
                                () -> sheets.spreadsheets()
                                        .values()
                                        .get("s1", "A1")
                                        .execute())
                        .getStatusCode());
        assertEquals(200, call("DELETE", "quota", null).statusCode());
        sheets.spreadsheets().values().get("s1", "A1").execute();
    }

    @Test
    void countersAndRequestLogAreServedAndAdminCallsAreNotCounted() throws Exception {
        seedSmall();
        sheets.spreadsheets().values().get("s1", "A1").execute();
        sheets.spreadsheets().get("s1").execute();
        JsonObject counters = json(call("GET", "counters", null));
        assertEquals(2, counters.get("calls").getAsInt());
        assertEquals(2, counters.get("reads").getAsInt());
        assertEquals(
                1,
                counters.getAsJsonObject("byEndpoint")
                        .getAsJsonObject("values.get")
                        .get("calls")
                        .getAsInt());
        JsonObject log = json(call("GET", "requests", null));
        assertEquals(2, log.getAsJsonArray("requests").size());
        JsonObject first = log.getAsJsonArray("requests").get(0).getAsJsonObject();
        assertEquals("values.get", first.get("endpoint").getAsString());
        assertEquals(
                "/v4/spreadsheets/s1/values/A1",
                first.get("pathAndQuery").getAsString().replaceAll("\\?.*", ""));
        assertEquals("ok", first.get("outcome").getAsString());
        assertEquals("", first.get("body").getAsString());
        assertTrue(first.getAsJsonObject("headers").has("user-agent"), first.toString());
        assertEquals(2, emu.counters().calls());
    }

    @Test
    void resetDropsEverything() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("values.get").times(0).status(500));
        assertEquals(200, call("POST", "reset", null).statusCode());
        assertThrows(IllegalArgumentException.class, () -> emu.dump("s1"));
        assertEquals(0, emu.counters().calls());
        assertEquals(List.of(), emu.faults());
        assertEquals(404, call("POST", "demo", null).statusCode(), "the library has no demo of its own");
    }

    @Test
    void unknownAdminOperationIs404() throws Exception {
        HttpResponse<String> response = call("GET", "nothing", null);
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("NOT_FOUND"));
    }

    private static String adminError(HttpResponse<String> response) {
        return json(response).getAsJsonObject("error").get("message").getAsString();
    }

    @Test
    void aFaultOnAnEndpointSpelledWrongIsA400ListingTheEndpoints() throws Exception {
        HttpResponse<String> response =
                call("POST", "faults", "{\"endpoint\":\"values.batchupdate\",\"action\":\"status\",\"code\":503}");
        assertEquals(400, response.statusCode());
        assertTrue(adminError(response).contains("values.batchupdate"), response.body());
        assertTrue(
                adminError(response).contains("values.batchUpdate, values.batchUpdateByDataFilter"), response.body());
        assertEquals(
                0, json(call("GET", "faults", null)).getAsJsonArray("faults").size());
    }

    @Test
    void aFaultWhoseCodeIsNotAnIntegerIsA400() throws Exception {
        for (String code : List.of("{}", "\"503\"", "503.5", "[503]", "99")) {
            HttpResponse<String> response =
                    call("POST", "faults", "{\"endpoint\":\"values.get\",\"action\":\"status\",\"code\":" + code + "}");
            assertEquals(400, response.statusCode(), code);
            assertTrue(adminError(response).contains("code"), response.body());
        }
    }

    @Test
    void aFaultWithAnInvalidPathRegexIsA400AndRequestsStillPass() throws Exception {
        seedSmall();
        HttpResponse<String> response =
                call("POST", "faults", "{\"method\":\"GET\",\"path\":\"/v4/(\",\"action\":\"status\",\"code\":500}");
        assertEquals(400, response.statusCode());
        assertTrue(adminError(response).startsWith("invalid path regex \"/v4/(\""), response.body());
        assertEquals(
                "name",
                sheets.spreadsheets()
                        .values()
                        .get("s1", "A1")
                        .execute()
                        .getValues()
                        .get(0)
                        .get(0));
    }

    @Test
    void anUnknownFaultFieldOrActionIsA400NamingTheValidOnes() throws Exception {
        HttpResponse<String> field =
                call("POST", "faults", "{\"endpoint\":\"values.get\",\"action\":\"drop\",\"count\":2}");
        assertEquals(400, field.statusCode());
        assertTrue(adminError(field).contains("unknown field \"count\"; valid fields: endpoint, method, path"));
        HttpResponse<String> action = call("POST", "faults", "{\"endpoint\":\"values.get\",\"action\":\"explode\"}");
        assertEquals(
                "unknown fault action \"explode\"; valid actions: status, delay, drop, applyThenDrop, respond,"
                        + " applyThenRespond",
                adminError(action));
    }

    @Test
    void badQuotaShapesAreA400() throws Exception {
        for (String body : List.of(
                "{\"writesPerWindow\":{}}",
                "{\"readsPerWindow\":\"ten\"}",
                "{\"windowSeconds\":0}",
                "{\"writesPerWindow\":-1}",
                "{\"writes\":10}",
                "[]")) {
            HttpResponse<String> response = call("PUT", "quota", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals(
                    "INVALID_ARGUMENT",
                    json(response).getAsJsonObject("error").get("status").getAsString(),
                    body);
        }
        assertTrue(adminError(call("PUT", "quota", "{\"writes\":10}"))
                .contains("valid fields: writesPerWindow, readsPerWindow, windowSeconds"));
    }

    @Test
    void theAdminRootListsTheOperationsAndTheFaultVocabulary() throws Exception {
        HttpResponse<String> response = call("GET", "", null);
        assertEquals(200, response.statusCode());
        JsonObject json = json(response);
        assertTrue(json.getAsJsonArray("operations").toString().contains("GET /admin/faults"));
        assertTrue(json.getAsJsonArray("faultEndpoints").toString().contains("\"values.batchUpdate\""));
        assertTrue(json.getAsJsonArray("faultActions").toString().contains("\"applyThenDrop\""));
        assertTrue(adminError(call("GET", "nothing", null)).contains("POST /admin/faults"));
    }

    @Test
    void theArmedFaultsAreListedWithHowOftenTheyMatchedAndFired() throws Exception {
        seedSmall();
        emu.addFault(FaultRule.on("values.get").nth(2).status(503).retryAfter(1));
        call("POST", "faults", "{\"method\":\"GET\",\"path\":\"/v4/spreadsheets/none.*\",\"action\":\"drop\"}");
        sheets.spreadsheets().values().get("s1", "A1").execute();
        assertThrows(
                GoogleJsonResponseException.class,
                () -> sheets.spreadsheets().values().get("s1", "A1").execute());
        assertEquals(JsonParser.parseString("""
                        {"faults":[
                          {"endpoint":"values.get","nth":2,"times":1,"action":"status","code":503,
                           "retryAfterSeconds":1,"matched":2,"fired":1},
                          {"method":"GET","path":"/v4/spreadsheets/none.*","nth":1,"times":1,"action":"drop",
                           "matched":0,"fired":0}]}
                        """), json(call("GET", "faults", null)));
    }
}
