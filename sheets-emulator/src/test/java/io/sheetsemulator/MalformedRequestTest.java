package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A client's mistakes are 400s in Google's error shape, never a 5xx: every endpoint is sent malformed,
 * wrongly typed and null-laden bodies and parameters. Proto3 JSON nulls mean "absent" and are accepted.
 */
class MalformedRequestTest extends EmulatorFixture {

    private static final List<String> BODIES = List.of(
            "",
            "null",
            "[]",
            "{",
            "\"text\"",
            "5",
            "{}",
            "{\"values\":null}",
            "{\"values\":\"x\"}",
            "{\"values\":[1,2]}",
            "{\"values\":[[{\"a\":1}]]}",
            "{\"values\":[[[1]]]}",
            "{\"values\":[[\"a\"]],\"majorDimension\":null}",
            "{\"values\":[[\"a\"]],\"majorDimension\":5}",
            "{\"values\":[[\"a\"]],\"majorDimension\":\"DIAGONAL\"}",
            "{\"values\":[[\"a\"]],\"range\":{}}",
            "{\"data\":null}",
            "{\"data\":\"x\"}",
            "{\"data\":[null]}",
            "{\"data\":[5]}",
            "{\"data\":[{\"range\":null}]}",
            "{\"data\":[{\"range\":5,\"values\":[[1]]}]}",
            "{\"data\":[{\"range\":\"Sheet1!A1\",\"values\":{}}]}",
            "{\"valueInputOption\":null,\"data\":[]}",
            "{\"valueInputOption\":5,\"data\":[]}",
            "{\"valueInputOption\":\"RAW\",\"data\":[{\"range\":\"Sheet1!A1\",\"values\":[[1]]}],\"includeValuesInResponse\":\"maybe\"}",
            "{\"valueInputOption\":\"RAW\",\"data\":[{\"range\":\"Sheet1!A1\",\"values\":[[1]]}],\"responseValueRenderOption\":7}",
            "{\"requests\":null}",
            "{\"requests\":\"x\"}",
            "{\"requests\":[null]}",
            "{\"requests\":[5]}",
            "{\"requests\":[{\"addSheet\":null}]}",
            "{\"requests\":[{\"addSheet\":{\"properties\":{\"title\":[]}}}]}",
            "{\"requests\":[{\"repeatCell\":{\"range\":null,\"cell\":null,\"fields\":null}}]}",
            "{\"requests\":[{\"repeatCell\":{\"range\":{\"sheetId\":\"x\"},\"cell\":{},\"fields\":\"userEnteredValue\"}}]}",
            "{\"requests\":[{\"repeatCell\":{\"range\":{},\"cell\":{\"userEnteredValue\":{\"numberValue\":\"abc\"}},\"fields\":\"*\"}}]}",
            "{\"requests\":[{\"updateSheetProperties\":{\"properties\":{\"sheetId\":\"x\"},\"fields\":\"title\"}}]}",
            "{\"requests\":[{\"updateSheetProperties\":{\"properties\":{\"gridProperties\":{\"rowCount\":1e12}},\"fields\":\"*\"}}]}",
            "{\"requests\":[{\"appendDimension\":{\"sheetId\":null,\"dimension\":null,\"length\":null}}]}",
            "{\"requests\":[],\"includeSpreadsheetInResponse\":\"yes\"}",
            "{\"requests\":[],\"responseRanges\":[5,{}]}",
            "{\"ranges\":null}",
            "{\"ranges\":\"A1\"}",
            "{\"ranges\":[null]}",
            "{\"ranges\":[5]}",
            "{\"ranges\":[{}]}",
            "{\"ranges\":[\"'Sheet1'![['1', '2'\"]}",
            "{\"properties\":null,\"sheets\":null}",
            "{\"properties\":5}",
            "{\"sheets\":[null]}",
            "{\"sheets\":[5]}",
            "{\"sheets\":[{\"properties\":{\"title\":{}}}]}",
            "{\"sheets\":[{\"properties\":{\"gridProperties\":{\"rowCount\":\"many\"}}}]}");

    /** Method, path and query of every endpoint, with good and bad ranges and parameters. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/v4/spreadsheets", ""},
            new String[] {"POST", "/v4/spreadsheets/s1:batchUpdate", ""},
            new String[] {"POST", "/v4/spreadsheets/s1/values:batchUpdate", ""},
            new String[] {"POST", "/v4/spreadsheets/s1/values:batchClear", ""},
            new String[] {"POST", "/v4/spreadsheets/s1/values:batchGetByDataFilter", ""},
            new String[] {"POST", "/v4/spreadsheets/s1:getByDataFilter", ""},
            new String[] {"PUT", "/v4/spreadsheets/s1/values/Sheet1!A1", "valueInputOption=RAW"},
            new String[] {"PUT", "/v4/spreadsheets/s1/values/Sheet1!A1", ""},
            new String[] {
                "PUT",
                "/v4/spreadsheets/s1/values/Sheet1!A1",
                "valueInputOption=RAW&includeValuesInResponse=true" + "&responseValueRenderOption=NOPE"
            },
            new String[] {"POST", "/v4/spreadsheets/s1/values/Sheet1!A1:append", "valueInputOption=USER_ENTERED"},
            new String[] {
                "POST", "/v4/spreadsheets/s1/values/Sheet1!A1:append", "valueInputOption=RAW&insertDataOption=X"
            },
            new String[] {"POST", "/v4/spreadsheets/s1/values/Sheet1!A1:clear", ""},
            new String[] {"POST", "/v4/spreadsheets/s1/values/" + encoded("'Sheet1'![['1', '2'") + ":clear", ""},
            new String[] {"PUT", "/v4/spreadsheets/s1/values/" + encoded("'Sheet1'![['1', '2'"), "valueInputOption=RAW"
            },
            new String[] {
                "POST",
                "/v4/spreadsheets/s1/values/" + encoded("'Sheet1'![['1', '2'") + ":append",
                "valueInputOption=RAW"
            });

    private static final List<String[]> READS = List.of(
            new String[] {"/v4/spreadsheets/s1", "ranges=" + encoded("'Sheet1'![['1', '2'")},
            new String[] {"/v4/spreadsheets/s1", "ranges=&fields=sheets("},
            new String[] {"/v4/spreadsheets/s1", "fields=)))&includeGridData=maybe"},
            new String[] {"/v4/spreadsheets/s1/values/" + encoded("'Sheet1'![['1', '2'"), ""},
            new String[] {"/v4/spreadsheets/s1/values/" + encoded("Sheet1!A1:B2"), "valueRenderOption=NOPE"},
            new String[] {
                "/v4/spreadsheets/s1/values/" + encoded("Sheet1!A1:B2"), "majorDimension=&dateTimeRenderOption=x"
            },
            new String[] {"/v4/spreadsheets/s1/values/" + encoded("Sheet1!ZZZZ1"), ""},
            new String[] {"/v4/spreadsheets/s1/values/" + encoded("Sheet1!A99999999999"), ""},
            new String[] {
                "/v4/spreadsheets/s1/values:batchGet", "ranges=" + encoded("'Sheet1'![['1', '2'") + "&ranges=A1"
            },
            new String[] {"/v4/spreadsheets/s1/values:batchGet", ""},
            new String[] {"/v4/spreadsheets/s1/values/%25", ""});

    private static String encoded(String range) {
        return URLEncoder.encode(range, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A status and a body; sent with HttpURLConnection, as the Java client's NetHttpTransport does. */
    private record Answer(int statusCode, String body) {}

    private static Answer send(String method, String path, String query, String body) throws Exception {
        URL url = URI.create("http://" + emu.hostPort() + path + (query.isEmpty() ? "" : "?" + query))
                .toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Content-Type", "application/json");
        if (!method.equals("GET")) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertNoServerError(Answer response) {
        assertTrue(response.statusCode() < 500, () -> response.statusCode() + " " + response.body());
        if (response.statusCode() >= 400) {
            JsonObject error =
                    JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("error");
            assertEquals(response.statusCode(), error.get("code").getAsInt());
            assertTrue(error.has("status") && error.has("message"), response.body());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointAnswersEveryBadBodyWithoutA5xx() {
        return ENDPOINTS.stream()
                .flatMap(endpoint -> BODIES.stream()
                        .map(body -> DynamicTest.dynamicTest(
                                endpoint[0] + " " + endpoint[1] + "?" + endpoint[2] + " <- " + body, () -> {
                                    seedSmall();
                                    assertNoServerError(send(endpoint[0], endpoint[1], endpoint[2], body));
                                })));
    }

    @TestFactory
    Stream<DynamicTest> everyReadAnswersBadRangesAndParametersWithoutA5xx() {
        return READS.stream()
                .map(read -> DynamicTest.dynamicTest("GET " + read[0] + "?" + read[1], () -> {
                    seedSmall();
                    assertNoServerError(send("GET", read[0], read[1], ""));
                }));
    }

    @Test
    void anUnparsableRangeIsGooglesUnableToParseRange() throws Exception {
        seedSmall();
        Answer response = send("GET", "/v4/spreadsheets/s1/values/" + encoded("'Sheet1'![['1', '2'"), "", "");
        assertEquals(400, response.statusCode());
        assertEquals(
                "Unable to parse range: 'Sheet1'![['1', '2'",
                JsonParser.parseString(response.body())
                        .getAsJsonObject()
                        .getAsJsonObject("error")
                        .get("message")
                        .getAsString());
    }

    @Test
    void nullFieldsAreAbsentFields() throws Exception {
        seedSmall();
        Answer update = send(
                "PUT",
                "/v4/spreadsheets/s1/values/" + encoded("'Sheet1'!F1:G2"),
                "valueInputOption=RAW",
                "{\"values\":[[\"a\",null],[null,\"d\"]],\"majorDimension\":null,\"range\":null}");
        assertEquals(200, update.statusCode(), update.body());
        Answer batch = send(
                "POST",
                "/v4/spreadsheets/s1/values:batchUpdate",
                "",
                "{\"valueInputOption\":\"RAW\",\"includeValuesInResponse\":null,\"data\":[{\"range\":\"Sheet1!H1\","
                        + "\"values\":[[1]],\"majorDimension\":null}]}");
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals(
                List.of(List.of("a", "", "1"), List.of("", "d")),
                sheets.spreadsheets()
                        .values()
                        .get("s1", "Sheet1!F1:H2")
                        .execute()
                        .getValues());
    }
}
