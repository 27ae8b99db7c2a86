package com.spooltracker.extendschema.sheets;

import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.api.client.util.BackOff;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.client.util.Sleeper;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Sets timeouts, credentials, retries and call counting on every Sheets request of one run.
 *
 * <p>The credentials adapter installs its own unsuccessful-response handler (it refreshes the token
 * on 401, once per request); ours is chained with it rather than replacing it. google-http-client's backoff handlers
 * ignore Retry-After, so the retry decision is ours; the backoff itself is its
 * {@link ExponentialBackOff}, one per request because a BackOff is stateful.
 */
final class RetryingInitializer implements HttpRequestInitializer {
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    /** An append that may have been applied must not be sent again; these answers say it was not. */
    private static final Set<Integer> RETRYABLE_FOR_APPEND = Set.of(429, 503);

    private final GoogleCredentials credentials;
    private final RetryPolicy policy;
    private final long deadlineNanos;
    private final ApiCallCounter counter;
    private final Sleeper sleeper;

    RetryingInitializer(GoogleCredentials credentials, RetryPolicy policy, long deadlineNanos, ApiCallCounter counter) {
        this(credentials, policy, deadlineNanos, counter, Sleeper.DEFAULT);
    }

    /** @param sleeper how pauses between attempts are taken (tests record them instead) */
    RetryingInitializer(GoogleCredentials credentials, RetryPolicy policy, long deadlineNanos, ApiCallCounter counter,
            Sleeper sleeper) {
        this.credentials = credentials;
        this.policy = policy;
        this.deadlineNanos = deadlineNanos;
        this.counter = counter;
        this.sleeper = sleeper;
    }

    @Override
    public void initialize(HttpRequest request) throws IOException {
        request.setConnectTimeout((int) policy.connectTimeout().toMillis());
        request.setReadTimeout((int) policy.readTimeout().toMillis());
        if (credentials != null) {
            new HttpCredentialsAdapter(credentials).initialize(request);
        }
        HttpExecuteInterceptor auth = request.getInterceptor();
        HttpUnsuccessfulResponseHandler refreshOn401 = request.getUnsuccessfulResponseHandler();
        Attempts attempts = new Attempts();
        request.setInterceptor(r -> {
            attempts.starting(r);
            boundTimeoutsByDeadline(r);
            if (auth != null) {
                auth.intercept(r);
            }
        });
        request.setUnsuccessfulResponseHandler(new HttpUnsuccessfulResponseHandler() {
            @Override
            public boolean handleResponse(HttpRequest r, HttpResponse response, boolean supportsRetry) throws IOException {
                if (refreshOn401 != null && !attempts.refreshed) {
                    boolean refreshed = refreshOn401.handleResponse(r, response, supportsRetry);
                    // The adapter re-initializes the request after a refresh, which installs itself as
                    // the only handler: put the chain back so later 429/5xx answers are still retried.
                    r.setUnsuccessfulResponseHandler(this);
                    if (refreshed) {
                        attempts.refreshed = true;
                        return true;
                    }
                }
                return attempts.retryAfter(r, response, supportsRetry);
            }
        });
        request.setIOExceptionHandler(attempts::retryAfterIoError);
        request.setNumberOfRetries(policy.maxRetriesPerCall());
    }

    /** The retry state of one request. */
    private final class Attempts {
        private final BackOff backOff = new ExponentialBackOff.Builder()
                .setInitialIntervalMillis((int) policy.initialBackoff().toMillis())
                .setMaxIntervalMillis((int) policy.maxBackoff().toMillis())
                .setMultiplier(2.0)
                .setRandomizationFactor(0.5)
                .setMaxElapsedTimeMillis(Integer.MAX_VALUE)
                .build();
        private boolean first = true;
        /** One token refresh per request: a 401 right after a refresh will not go away by refreshing again. */
        private boolean refreshed;

        void starting(HttpRequest request) {
            counter.countAttempt(request.getRequestMethod());
            if (!first) {
                counter.countRetry();
            }
            first = false;
        }

        boolean retryAfter(HttpRequest request, HttpResponse response, boolean supportsRetry) throws IOException {
            int status = response.getStatusCode();
            Set<Integer> retryable = isAppend(request) ? RETRYABLE_FOR_APPEND : RETRYABLE;
            if (!supportsRetry || !retryable.contains(status)) {
                return false;
            }
            OptionalLong retryAfter = retryAfterMillis(response.getHeaders().getRetryAfter());
            return pause(retryAfter.isPresent() ? retryAfter.getAsLong() : backOff.nextBackOffMillis());
        }

        boolean retryAfterIoError(HttpRequest request, boolean supportsRetry) throws IOException {
            if (!supportsRetry || isAppend(request)) {
                return false;
            }
            return pause(backOff.nextBackOffMillis());
        }

        private boolean pause(long millis) {
            if (millis == BackOff.STOP) {
                return false;
            }
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (millis >= remainingMillis) {
                return false;
            }
            try {
                sleeper.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * An attempt may not outlive the run's deadline: its connect and read timeouts are cut to the time
     * left, so a slow answer ends the run at the deadline instead of up to a read timeout later.
     */
    private void boundTimeoutsByDeadline(HttpRequest request) {
        long leftMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        request.setConnectTimeout((int) Math.min(policy.connectTimeout().toMillis(), leftMillis));
        request.setReadTimeout((int) Math.min(policy.readTimeout().toMillis(), leftMillis));
    }

    private static boolean isAppend(HttpRequest request) {
        return request.getUrl().getRawPath().endsWith(":append");
    }

    /** Retry-After in delta-seconds; an HTTP-date (rare from Google APIs) falls back to the backoff. */
    static OptionalLong retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? OptionalLong.empty() : OptionalLong.of(seconds * 1000);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
