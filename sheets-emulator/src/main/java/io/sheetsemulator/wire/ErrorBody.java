package io.sheetsemulator.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Google's error JSON: {@code {"error":{"code","message","status","details"?}}}. Sheets adds the legacy
 * {@code errors[]} array only when a request asks for it with {@code $.xgafv=1} (measured by
 * brekkylab/backlot), which the Java client never sends, so it is left out.
 */
public final class ErrorBody {

    private ErrorBody() {}

    public static JsonObject of(int code, String status, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.addProperty("status", status);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    /** The project number the emulator's error bodies name as the caller's project. */
    public static final String PROJECT = "000000000000";
    /** The gcloud client's project, which Google names when user credentials carry no quota project. */
    public static final String GCLOUD_CLIENT_PROJECT = "764086051850";

    private static final String SERVICE = "sheets.googleapis.com";

    /** The 429 Google sends when a per-minute quota is used up, with its ErrorInfo detail. */
    public static JsonObject quotaExceeded(boolean write) {
        String kind = write ? "Write" : "Read";
        String message = "Quota exceeded for quota metric '" + kind + " requests' and limit '" + kind
                + " requests per minute per user' of service '" + SERVICE + "' for consumer 'project_number:" + PROJECT
                + "'.";
        JsonObject metadata = new JsonObject();
        metadata.addProperty("service", SERVICE);
        metadata.addProperty("consumer", "projects/" + PROJECT);
        metadata.addProperty("quota_limit", kind + "RequestsPerMinutePerUser");
        metadata.addProperty("quota_metric", SERVICE + "/" + kind.toLowerCase() + "_requests");
        metadata.addProperty("quota_location", "global");
        metadata.addProperty("quota_limit_value", "60");
        return withDetails(of(429, "RESOURCE_EXHAUSTED", message), errorInfo("RATE_LIMIT_EXCEEDED", metadata));
    }

    /** The Sheets API disabled in the caller's project, as Google answers it. */
    public static JsonObject serviceDisabled() {
        String url = "https://console.developers.google.com/apis/api/" + SERVICE + "/overview?project=" + PROJECT;
        String message = "Google Sheets API has not been used in project " + PROJECT + " before or it is disabled. "
                + "Enable it by visiting " + url + " then retry. If you enabled this API recently, wait a few minutes "
                + "for the action to propagate to our systems and retry.";
        JsonObject metadata = serviceMetadata(PROJECT);
        metadata.addProperty("serviceTitle", "Google Sheets API");
        metadata.addProperty("containerInfo", PROJECT);
        metadata.addProperty("activationUrl", url);
        JsonObject help = new JsonObject();
        help.addProperty("@type", "type.googleapis.com/google.rpc.Help");
        JsonObject link = new JsonObject();
        link.addProperty("description", "Google developers console API activation");
        link.addProperty("url", url);
        JsonArray links = new JsonArray();
        links.add(link);
        help.add("links", links);
        return withDetails(
                of(403, "PERMISSION_DENIED", message),
                errorInfo("SERVICE_DISABLED", metadata),
                localized(message),
                help);
    }

    /** User credentials with no quota project: Google bills the gcloud client's project, where the API is off. */
    public static JsonObject quotaProjectMissing() {
        String message = "Your application is authenticating by using local Application Default Credentials. The "
                + SERVICE + " API requires a quota project, which is not set by default. To learn how to set your "
                + "quota project, see https://cloud.google.com/docs/authentication/adc-troubleshooting/user-creds .";
        return withDetails(
                of(403, "PERMISSION_DENIED", message),
                errorInfo("SERVICE_DISABLED", serviceMetadata(GCLOUD_CLIENT_PROJECT)),
                localized(message));
    }

    /** A token without the spreadsheets scope. */
    public static JsonObject scopeInsufficient() {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("service", SERVICE);
        metadata.addProperty("method", "google.apps.sheets.v4.SpreadsheetsService.GetSpreadsheet");
        return withDetails(
                of(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes."),
                errorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", metadata));
    }

    /** The body a fault rule answers: by reason when it names one, else the status's usual body. */
    public static JsonObject forFault(int code, String reason, boolean write) {
        if (reason == null) {
            return code == 429 ? quotaExceeded(write) : forStatus(code);
        }
        return switch (reason) {
            case "SERVICE_DISABLED" -> serviceDisabled();
            case "QUOTA_PROJECT_MISSING" -> quotaProjectMissing();
            case "ACCESS_TOKEN_SCOPE_INSUFFICIENT" -> scopeInsufficient();
            case "RATE_LIMIT_EXCEEDED" -> quotaExceeded(write);
            default -> {
                JsonObject body = forStatus(code);
                if (body == null) {
                    yield null;
                }
                yield withDetails(body, errorInfo(reason, serviceMetadata(PROJECT)));
            }
        };
    }

    private static JsonObject serviceMetadata(String project) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("service", SERVICE);
        metadata.addProperty("consumer", "projects/" + project);
        return metadata;
    }

    private static JsonObject errorInfo(String reason, JsonObject metadata) {
        JsonObject info = new JsonObject();
        info.addProperty("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.addProperty("reason", reason);
        info.addProperty("domain", "googleapis.com");
        info.add("metadata", metadata);
        return info;
    }

    private static JsonObject localized(String message) {
        JsonObject localized = new JsonObject();
        localized.addProperty("@type", "type.googleapis.com/google.rpc.LocalizedMessage");
        localized.addProperty("locale", "en-US");
        localized.addProperty("message", message);
        return localized;
    }

    private static JsonObject withDetails(JsonObject body, JsonObject... details) {
        JsonArray array = new JsonArray();
        for (JsonObject detail : details) {
            array.add(detail);
        }
        body.getAsJsonObject("error").add("details", array);
        return body;
    }

    /** The body Google sends for a status code a fault rule asks for; null for a plain-text 502. */
    public static JsonObject forStatus(int code) {
        return switch (code) {
            case 400 -> of(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
            case 401 ->
                of(
                        401,
                        "UNAUTHENTICATED",
                        "Request had invalid authentication credentials. Expected OAuth 2 access "
                                + "token, login cookie or other valid authentication credential. See "
                                + "https://developers.google.com/identity/sign-in/web/devconsole-project.");
            case 403 -> of(403, "PERMISSION_DENIED", "The caller does not have permission");
            case 404 -> of(404, "NOT_FOUND", "Requested entity was not found.");
            case 409 -> of(409, "ABORTED", "The operation was aborted.");
            case 429 -> quotaExceeded(true);
            case 500 -> of(500, "INTERNAL", "Internal error encountered.");
            case 502 -> null;
            case 503 -> of(503, "UNAVAILABLE", "The service is currently unavailable.");
            case 504 -> of(504, "DEADLINE_EXCEEDED", "The service is currently unavailable.");
            default -> of(code, "UNKNOWN", "Error " + code + ".");
        };
    }
}
