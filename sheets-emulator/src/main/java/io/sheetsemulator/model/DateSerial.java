package io.sheetsemulator.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** Spreadsheet serial numbers: days since 1899-12-30, the fraction being the time of day. */
public final class DateSerial {

    public static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    private DateSerial() {}

    /** The serial of a calendar date, or null when the date does not exist. */
    public static Double fromDate(int year, int month, int day) {
        try {
            return (double) ChronoUnit.DAYS.between(EPOCH, LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static double of(LocalDate date) {
        return ChronoUnit.DAYS.between(EPOCH, date);
    }

    public static LocalDateTime toDateTime(double serial) {
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400);
        return EPOCH.atStartOfDay().plusDays(days).plusSeconds(seconds);
    }
}
