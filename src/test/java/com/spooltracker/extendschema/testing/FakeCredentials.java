package com.spooltracker.extendschema.testing;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/** Access tokens that look real enough to be caught if they leak; each refresh issues a new one. */
public final class FakeCredentials extends GoogleCredentials {
    /** A part of every token issued, to search responses and logs for. */
    public static final String MARK = "a0FakeAccessToken";

    private final AtomicInteger refreshes = new AtomicInteger();

    public FakeCredentials() {
        super(GoogleCredentials.newBuilder().setAccessToken(token("ya29." + MARK + "Initial")));
    }

    public int refreshes() {
        return refreshes.get();
    }

    @Override
    public AccessToken refreshAccessToken() {
        return token("ya29." + MARK + "Refreshed" + refreshes.incrementAndGet());
    }

    private static AccessToken token(String value) {
        return new AccessToken(value, new Date(System.currentTimeMillis() + 3_600_000));
    }
}
