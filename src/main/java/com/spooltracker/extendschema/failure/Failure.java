package com.spooltracker.extendschema.failure;

import com.spooltracker.extendschema.schema.Conflict;
import java.util.List;
import java.util.OptionalInt;

/**
 * The ways a run can fail that a caller should hear about, each with its HTTP status, a status word
 * and a message that says what is wrong and what to do. Each kind carries its own status (the sealed
 * subclasses below); the answer's JSON and headers are made in one place ({@code ErrorResponse}), and
 * the CLI maps the same kinds to its exit codes. Messages never carry upstream response bodies,
 * credentials or stack traces.
 */
public abstract sealed class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String status;

    private Failure(int httpStatus, String status, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.status = status;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A short upper-case word for the JSON error ("CONFLICT", "NOT_FOUND", …). */
    public String status() {
        return status;
    }

    /** The request itself is wrong: the caller can fix it. */
    public static final class BadRequest extends Failure {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(400, "INVALID_ARGUMENT", message, null);
        }
    }

    public static final class MethodNotAllowed extends Failure {
        private static final long serialVersionUID = 1L;

        private final String allow;

        public MethodNotAllowed(String method, String allow) {
            super(
                    405,
                    "METHOD_NOT_ALLOWED",
                    "Method " + method + " is not allowed. Use POST to migrate "
                            + "(POST ?dryRun=true or GET to only see the plan).",
                    null);
            this.allow = allow;
        }

        public String allow() {
            return allow;
        }
    }

    /** The sheet is in a state the migration will not touch; nothing was written. */
    public static final class Conflicted extends Failure {
        private static final long serialVersionUID = 1L;

        private final List<Conflict> conflicts;

        public Conflicted(String message, List<Conflict> conflicts) {
            super(409, "CONFLICT", message, null);
            this.conflicts = List.copyOf(conflicts);
        }

        public List<Conflict> conflicts() {
            return conflicts;
        }
    }

    public static final class NotFound extends Failure {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(404, "NOT_FOUND", message, null);
        }
    }

    /**
     * Access was refused; {@link #kind} (the JSON error's {@code kind}) says which fix applies: {@code API_DISABLED},
     * {@code NOT_SHARED}, {@code QUOTA_PROJECT_MISSING}, {@code SCOPES_MISSING} or {@code OTHER}.
     */
    public static final class PermissionDenied extends Failure {
        private static final long serialVersionUID = 1L;

        private final String kind;

        public PermissionDenied(String kind, String message) {
            super(403, "PERMISSION_DENIED", message, null);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    /** Google Sheets stayed unavailable (rate limits, 5xx, timeouts) past the retry deadline. */
    public static final class Unavailable extends Failure {
        private static final long serialVersionUID = 1L;

        private final int retryAfterSeconds;

        public Unavailable(String message, int retryAfterSeconds, Throwable cause) {
            super(503, "UNAVAILABLE", message, cause);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public OptionalInt retryAfterSeconds() {
            return OptionalInt.of(retryAfterSeconds);
        }
    }

    /** Google Sheets answered something the function cannot act on (e.g. rejected its credentials). */
    public static final class BadGateway extends Failure {
        private static final long serialVersionUID = 1L;

        public BadGateway(String message, Throwable cause) {
            super(502, "BAD_GATEWAY", message, cause);
        }
    }

    /** The deployment is missing required configuration; an operator must fix it. */
    public static final class NotConfigured extends Failure {
        private static final long serialVersionUID = 1L;

        public NotConfigured(String message) {
            super(503, "NOT_CONFIGURED", message, null);
        }
    }

    /** A bug in this function. The details go to the log, never to the caller. */
    public static final class Internal extends Failure {
        private static final long serialVersionUID = 1L;

        public Internal(Throwable cause) {
            super(
                    500,
                    "INTERNAL",
                    "The function failed unexpectedly; the error is in its log. "
                            + "Nothing is at risk: writes are absolute, so running again is safe.",
                    cause);
        }
    }
}
