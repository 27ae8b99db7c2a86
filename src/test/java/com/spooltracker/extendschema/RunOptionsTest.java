package com.spooltracker.extendschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunOptionsTest {
    private static final Optional<String> JSON = Optional.of("application/json");

    private static boolean dryRun(String method, String query, Optional<String> contentType, String body) {
        return RunOptions.parse(method, query(query), contentType, body.getBytes(StandardCharsets.UTF_8))
                .dryRun();
    }

    private static Failure failure(String method, String query, Optional<String> contentType, byte[] body) {
        return assertThrows(Failure.class, () -> RunOptions.parse(method, query(query), contentType, body));
    }

    private static Failure failure(String method, String query, Optional<String> contentType, String body) {
        return failure(method, query, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** "a=1&a=2&b" → {a=[1,2], b=[""]}, decoded as the invoker does. */
    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return map;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            map.computeIfAbsent(parts[0], k -> new java.util.ArrayList<>()).add(parts.length > 1 ? parts[1] : "");
        }
        return map;
    }

    @ParameterizedTest(name = "{0} ?{1} body={2} → dryRun={3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST |                | ''                      | false",
                "POST | dryRun=true    | ''                      | true",
                "POST | dryRun=TRUE    | ''                      | true",
                "POST | dryRun=False   | ''                      | false",
                "POST |                | {\"dryRun\": true}      | true",
                "POST |                | {\"dryRun\": false}     | false",
                "POST |                | {}                      | false",
                "POST | dryRun=true    | {\"dryRun\": true}      | true",
                "POST |                | '  '                    | false",
                "GET  |                | ''                      | true",
                "GET  | dryRun=true    | ''                      | true",
            })
    void acceptedRequests(String method, String query, String body, boolean expected) {
        assertEquals(expected, dryRun(method, query == null ? "" : query, JSON, body));
    }

    @ParameterizedTest(name = "?{0} → 400")
    @CsvSource({
        "dryRun=yes",
        "dryRun=1",
        "dryRun=",
        "dryRun",
        "dryRun=true&dryRun=true",
        "dry_run=true",
        "spreadsheetId=other",
        "sheet=Hoja1",
        "dryRun=true&sheet=x"
    })
    void badQueriesAreRejected(String query) {
        Failure failure = failure("POST", query, JSON, "");
        assertEquals(400, failure.httpStatus());
    }

    @ParameterizedTest(name = "body {0} → 400")
    @ValueSource(
            strings = {
                "{\"dryRun\": \"true\"}",
                "{\"dryRun\": 1}",
                "{\"dryRun\": null}",
                "{\"dryRun\": true, \"sheet\": \"Hoja1\"}",
                "{\"spreadsheetId\": \"x\"}",
                "[true]",
                "true",
                "\"dryRun\"",
                "null",
                "{dryRun: true}",
                "{\"dryRun\": true} trailing",
                "{\"dryRun\": true",
                "{'dryRun': true}",
                "{\"dryRun\": true,}",
            })
    void badBodiesAreRejected(String body) {
        assertEquals(400, failure("POST", "", JSON, body).httpStatus());
    }

    @Test
    void bodyOverSixtyFourKibibytesIsRejected() {
        byte[] huge = ("{\"dryRun\": true, \"pad\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Failure failure = failure("POST", "", JSON, huge);
        assertEquals(400, failure.httpStatus());
        assertTrue(failure.getMessage().contains("64 KiB"), failure.getMessage());
    }

    @Test
    void nonUtf8BodyIsRejected() {
        Failure failure = failure("POST", "", JSON, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertTrue(failure.getMessage().contains("UTF-8"), failure.getMessage());
    }

    @Test
    void queryAndBodyThatDisagreeAreRejected() {
        Failure failure = failure("POST", "dryRun=true", JSON, "{\"dryRun\": false}");
        assertEquals(400, failure.httpStatus());
        assertTrue(failure.getMessage().contains("agree"), failure.getMessage());
    }

    @Test
    void getCannotApply() {
        assertEquals(400, failure("GET", "dryRun=false", JSON, "").httpStatus());
        assertEquals(400, failure("GET", "", JSON, "{\"dryRun\": false}").httpStatus());
    }

    @ParameterizedTest
    @CsvSource({"PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
    void otherMethodsAreNotAllowed(String method) {
        Failure failure = failure(method, "", JSON, "");
        assertEquals(405, failure.httpStatus());
        assertEquals("GET, POST", ((Failure.MethodNotAllowed) failure).allow());
    }

    @Test
    void bodiesWithOddContentTypesAreRejectedButSchedulersDefaultIsAccepted() {
        assertEquals(
                400,
                failure("POST", "", Optional.of("text/plain"), "{\"dryRun\": true}")
                        .httpStatus());
        assertEquals(
                400,
                failure("POST", "", Optional.of("application/x-www-form-urlencoded"), "dryRun=true")
                        .httpStatus());
        assertTrue(dryRun("POST", "", Optional.of("application/octet-stream"), "{\"dryRun\": true}"));
        assertTrue(dryRun("POST", "", Optional.of("application/json; charset=utf-8"), "{\"dryRun\": true}"));
        assertTrue(dryRun("POST", "", Optional.empty(), "{\"dryRun\": true}"));
        assertEquals(false, dryRun("POST", "", Optional.of("text/plain"), ""));
    }

    @Test
    void multipartBodiesAreRejectedEvenWhenTheyReachUsEmpty() {
        // The invoker consumes multipart bodies, so the function sees no bytes at all.
        assertEquals(
                400,
                failure("POST", "", Optional.of("multipart/form-data; boundary=x"), "")
                        .httpStatus());
        assertEquals(
                400,
                failure("POST", "", Optional.of("multipart/mixed"), "{\"dryRun\": true}")
                        .httpStatus());
    }

    @Test
    void aCredentialInTheRequestIsNotEchoedBack() {
        for (Failure failure : List.of(
                failure("POST", "dryRun=Bearer ya29.a0Secret", JSON, ""),
                failure("POST", "ya29.a0Secret=true", JSON, ""),
                failure("POST", "", JSON, "{\"dryRun\": \"ya29.a0Secret\"}"),
                failure("POST", "", JSON, "{\"ya29.a0Secret\": true}"))) {
            assertEquals(400, failure.httpStatus());
            assertTrue(
                    !failure.getMessage().contains("a0Secret")
                            && failure.getMessage().contains("withheld"),
                    failure.getMessage());
        }
    }

    @Test
    void anUnknownParameterNameIsEchoedAbbreviated() {
        Failure failure = failure("POST", "x".repeat(5000) + "=1", JSON, "");
        assertTrue(failure.getMessage().length() < 200, failure.getMessage());
    }

    @ParameterizedTest(name = "{0} ?{1} body={2} → showRequests={3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | dryRun=true                   | ''                                          | false",
                "POST | dryRun=true&showRequests=true | ''                                          | true",
                "POST |                               | {\"dryRun\": true, \"showRequests\": true}   | true",
                "GET  | showRequests=true             | ''                                          | true",
                "POST | showRequests=false            | ''                                          | false",
            })
    void showRequestsAsksADryRunForTheBodies(String method, String query, String body, boolean expected) {
        RunOptions options = RunOptions.parse(
                method, query(query == null ? "" : query), JSON, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, options.showRequests());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "showRequests=true             | ''",
                "showRequests=yes&dryRun=true  | ''",
                "                              | {\"showRequests\": true}",
                "dryRun=true&showRequests=true | {\"showRequests\": false}",
            })
    void showRequestsWithoutADryRunOrMalformedIsRefused(String query, String body) {
        assertThrows(
                Failure.BadRequest.class,
                () -> RunOptions.parse(
                        "POST", query(query == null ? "" : query), JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} ?{1} body={2} → dryRun={3}, refreshMetrics={4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST |                                 | ''                                              | false | false",
                "POST | refreshMetrics=true             | ''                                              | false | true",
                "POST | refreshMetrics=TRUE&dryRun=true | ''                                              | true  | true",
                "POST |                                 | {\"refreshMetrics\": true}                      | false | true",
                "POST | refreshMetrics=true             | {\"refreshMetrics\": true, \"dryRun\": true}    | true  | true",
                "GET  | refreshMetrics=true             | ''                                              | true  | true",
                "POST | refreshMetrics=false            | ''                                              | false | false",
            })
    void refreshMetricsCombinesWithDryRun(String method, String query, String body, boolean dryRun, boolean refresh) {
        RunOptions options = RunOptions.parse(
                method, query(query == null ? "" : query), JSON, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(dryRun, options.dryRun());
        assertEquals(refresh, options.refreshMetrics());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "refreshMetrics=1                           | ''",
                "refreshMetrics=true&refreshMetrics=true    | ''",
                "                                           | {\"refreshMetrics\": \"true\"}",
                "                                           | {\"refreshMetrics\": true, \"refreshMetrics\": true}",
                "refreshMetrics=false                       | {\"refreshMetrics\": true}",
                "refreshmetrics=true                        | ''",
            })
    void malformedRefreshMetricsIsRefused(String query, String body) {
        assertThrows(
                Failure.BadRequest.class,
                () -> RunOptions.parse(
                        "POST", query(query == null ? "" : query), JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Credentials glued to other text, as a caller may send them: no word boundary before the prefix. */
    private static final List<String> GLUED_CREDENTIALS = List.of(
            "_ya29.a0AfB_byC-secret-access-token-123",
            "xya29.a0AfB_byC-secret-access-token-123",
            "1AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY",
            "keyAIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY");

    @Test
    void aCredentialGluedToOtherTextIsNeverEchoedWhereverTheCallerPutsIt() {
        for (String secret : GLUED_CREDENTIALS) {
            List<Failure> failures = List.of(
                    failure("POST", "dryRun=" + secret, JSON, ""),
                    failure("POST", secret + "=true", JSON, ""),
                    failure("POST", "", JSON, "{\"" + secret + "\": true}"),
                    failure("POST", "", JSON, "{\"dryRun\": \"" + secret + "\"}"),
                    failure("POST", "", JSON, "{\"" + secret + "\": 1, \"" + secret + "\": 2}"),
                    failure("POST", "", Optional.of("text/" + secret), "{\"dryRun\": true}"),
                    failure(secret.toUpperCase(java.util.Locale.ROOT), "", JSON, ""),
                    failure(secret, "", JSON, ""));
            for (Failure failure : failures) {
                assertFalse(failure.getMessage().contains("a0AfB"), failure.getMessage());
                assertFalse(failure.getMessage().contains("SyD-9tSrke72"), failure.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "GET ?{0} body={1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "validate=true              | ''                                 | VALIDATE",
                "validate=TRUE              | ''                                 | VALIDATE",
                "info=true                  | ''                                 | INFO",
                "                           | {\"validate\": true}              | VALIDATE",
                "                           | {\"info\": true}                  | INFO",
                "validate=true              | {\"validate\": true}              | VALIDATE",
                "validate=false             | ''                                 | MIGRATE",
                "validate=false&info=true   | ''                                 | INFO",
                "info=false&dryRun=true     | ''                                 | MIGRATE",
            })
    void validateAndInfoAreReadOnlyOperationsOfAGet(String query, String body, RunOptions.Operation expected) {
        RunOptions options =
                RunOptions.parse("GET", query(query == null ? "" : query), JSON, body.getBytes(StandardCharsets.UTF_8));

        assertEquals(expected, options.operation());
        assertTrue(options.dryRun(), "nothing is ever written");
        assertFalse(options.showRequests());
        assertFalse(options.refreshMetrics());
    }

    @ParameterizedTest(name = "{0} ?{1} body={2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | validate=true                     | ''                                 | send it with GET",
                "POST | info=true                         | ''                                 | send it with GET",
                "POST |                                   | {\"validate\": true}              | send it with GET",
                "GET  | validate=true&info=true           | ''                                 | not both",
                "GET  | validate=true                     | {\"info\": true}                  | not both",
                "GET  | validate=true&dryRun=true         | ''                                 | drop dryRun",
                "GET  | validate=true&dryRun=false        | ''                                 | drop dryRun",
                "GET  | info=true&refreshMetrics=true     | ''                                 | drop refreshMetrics",
                "GET  | info=true&showRequests=false      | ''                                 | drop showRequests",
                "GET  | info=true                         | {\"dryRun\": true}                | drop dryRun",
                "GET  | validate=yes                      | ''                                 | must be true or false",
                "GET  |                                   | {\"validate\": \"true\"}         | must be a JSON boolean",
                "GET  | validate=true&validate=true       | ''                                 | give it once",
                "GET  | validate=false                    | {\"validate\": true}              | Send it once",
            })
    void validateAndInfoAloneWithGetOrTheRequestIsRefused(String method, String query, String body, String says) {
        Failure failure = failure(method, query == null ? "" : query, JSON, body);

        assertTrue(failure instanceof Failure.BadRequest, failure::toString);
        assertTrue(failure.getMessage().contains(says), failure::getMessage);
    }

    @Test
    void aMigrationIsTheDefaultOperation() {
        assertEquals(
                RunOptions.Operation.MIGRATE,
                RunOptions.parse("POST", Map.of(), JSON, new byte[0]).operation());
        assertEquals(
                RunOptions.Operation.MIGRATE,
                RunOptions.parse("GET", Map.of(), JSON, new byte[0]).operation());
    }
}
