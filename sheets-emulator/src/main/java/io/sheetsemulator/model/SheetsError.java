package io.sheetsemulator.model;

/**
 * A request the Sheets API would refuse. Each kind knows the HTTP status and the canonical
 * gRPC status name Google puts in its error body; the wire layer maps it to JSON in one place.
 */
public abstract sealed class SheetsError extends RuntimeException
        permits SheetsError.InvalidArgument, SheetsError.NotFound {

    private SheetsError(String message) {
        super(message, null, false, false);
    }

    public abstract int httpStatus();

    public abstract String status();

    /** 400 INVALID_ARGUMENT: a malformed range, a write outside the grid, a bad batch request. */
    public static final class InvalidArgument extends SheetsError {
        public InvalidArgument(String message) {
            super(message);
        }

        @Override
        public int httpStatus() {
            return 400;
        }

        @Override
        public String status() {
            return "INVALID_ARGUMENT";
        }

        /** The same failure, as reported for the i-th request of a spreadsheets.batchUpdate. */
        public InvalidArgument inRequest(int index, String kind) {
            return new InvalidArgument("Invalid requests[" + index + "]." + kind + ": " + getMessage());
        }
    }

    /** 404 NOT_FOUND: an unknown spreadsheet. */
    public static final class NotFound extends SheetsError {
        public NotFound() {
            super("Requested entity was not found.");
        }

        @Override
        public int httpStatus() {
            return 404;
        }

        @Override
        public String status() {
            return "NOT_FOUND";
        }
    }

    public static InvalidArgument invalid(String message) {
        return new InvalidArgument(message);
    }

    public static InvalidArgument unparsableRange(String rangeAsSent) {
        return new InvalidArgument("Unable to parse range: " + rangeAsSent);
    }
}
