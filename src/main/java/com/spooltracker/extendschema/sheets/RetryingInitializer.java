package com.spooltracker.extendschema.sheets;

import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.api.client.util.BackOff;
import com.google.api.client.util.ExponentialBackOff;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Sets timeouts, credentials, retries and call counting on every Sheets request of one run.
 *
 * <p>The credentials adapter installs its own unsuccessful-response handler (it refreshes the token
 * on 401, once per request); ours is chained with it rather than replacing it. google-http-client's backoff handlers
 * ignore Retry-After, so the retry decision is ours; the backoff itself is its
 * {@link ExponentialBackOff}, one per request because a BackOff is stateful.
 *
 * <p>A connection refused on this machine is not retried: nothing listens there (typically an emulator
 * that is not running), and waiting out the retry deadline would only delay saying so by minutes.
 *
 * <p>Whether a request may be sent twice is declared by its caller, not guessed from its URL: a request
 * carrying the {@link #NOT_IDEMPOTENT} header (see {@link #markNotIdempotent}) is resent only on answers
 * that say it was not applied, never after an I/O error. The header is taken off before the request
 * is sent, so it never reaches Google.
 *
 * <p>Time (the deadline, the pauses) is read and taken from one {@link RetryClock}.
 *
 * <p>Each retry is told to a {@link RetryListener} before its pause. When a request gives up without
 * any HTTP answer, what it tried is kept ({@link #lastGaveUp()}) for the failure message, because
 * google-http-client then throws the bare I/O error.
 */
final class RetryingInitializer implements HttpRequestInitializer {
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    /** A request that may have been applied must not be sent again when not idempotent; these answers say it was not. */
    private static final Set<Integer> RETRYABLE_WHEN_NOT_IDEMPOTENT = Set.of(429, 503);

    /**
     * The request header by which a caller declares a request not idempotent (e.g. an append: sent twice,
     * it writes two rows). Read and removed by the initializer before each attempt, never sent.
     */
    static final String NOT_IDEMPOTENT = "X-ExtendSchema-Not-Idempotent";

    /** Declares {@code request} not idempotent: it is not sent again when it may have been applied. */
    static <T extends AbstractGoogleClientRequest<?>> T markNotIdempotent(T request) {
        request.getRequestHeaders().set(NOT_IDEMPOTENT, "true");
        return request;
    }

    /**
     * Whether a request declared not idempotent and answered {@code status} was answered once, not
     * retried: it may have been applied.
     */
    static boolean answeredOnceWhenNotIdempotent(int status) {
        return RETRYABLE.contains(status) && !RETRYABLE_WHEN_NOT_IDEMPOTENT.contains(status);
    }

    private final GoogleCredentials credentials;
    private final RetryPolicy policy;
    private final long deadlineNanos;
    private final ApiCallCounter counter;
    private final RetryListener listener;
    private final RetryClock clock;
    /** The client of a run sends one request at a time; volatile only for who reads it after. */
    private volatile Unreachable.Tried lastGaveUp;

    /**
     * @param deadlineNanos when retrying stops, on {@code clock}
     * @param clock what the deadline is read from and pauses between attempts are taken by
     */
    RetryingInitializer(
            GoogleCredentials credentials,
            RetryPolicy policy,
            long deadlineNanos,
            ApiCallCounter counter,
            RetryListener listener,
            RetryClock clock) {
        this.credentials = credentials;
        this.policy = policy;
        this.deadlineNanos = deadlineNanos;
        this.counter = counter;
        this.listener = listener;
        this.clock = clock;
    }

    /** What the latest request that got no HTTP answer tried; empty once a later request has started. */
    Optional<Unreachable.Tried> lastGaveUp() {
        return Optional.ofNullable(lastGaveUp);
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
            attempts.declared(r);
            attempts.starting(r);
            boundTimeoutsByDeadline(r);
            if (auth != null) {
                auth.intercept(r);
            }
        });
        request.setUnsuccessfulResponseHandler(new HttpUnsuccessfulResponseHandler() {
            @Override
            public boolean handleResponse(HttpRequest r, HttpResponse response, boolean supportsRetry)
                    throws IOException {
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
        private int attempts;
        private long firstStartedNanos;
        /** One token refresh per request: a 401 right after a refresh will not go away by refreshing again. */
        private boolean refreshed;
        /** Declared by the caller through the {@link #NOT_IDEMPOTENT} header, kept once the header is off. */
        private boolean notIdempotent;

        /** Takes the caller's declaration off the request, so it is never sent. */
        void declared(HttpRequest request) {
            // HttpHeaders compares names regardless of case.
            if (request.getHeaders().remove(NOT_IDEMPOTENT) != null) {
                notIdempotent = true;
            }
        }

        void starting(HttpRequest request) {
            counter.countAttempt(request.getRequestMethod(), request.getUrl().getRawPath());
            if (attempts == 0) {
                firstStartedNanos = clock.nanoTime();
                lastGaveUp = null;
            } else {
                counter.countRetry();
            }
            attempts++;
        }

        boolean retryAfter(HttpRequest request, HttpResponse response, boolean supportsRetry) throws IOException {
            int status = response.getStatusCode();
            Set<Integer> retryable = notIdempotent ? RETRYABLE_WHEN_NOT_IDEMPOTENT : RETRYABLE;
            if (!supportsRetry || !retryable.contains(status)) {
                return false;
            }
            OptionalLong retryAfter = retryAfterMillis(response.getHeaders().getRetryAfter());
            String reason = "answered HTTP " + status + (retryAfter.isPresent() ? " with Retry-After" : "");
            long wait = retryAfter.isPresent() ? retryAfter.getAsLong() : backOff.nextBackOffMillis();
            return pause(request, wait, reason) == null;
        }

        boolean retryAfterIoError(HttpRequest request, boolean supportsRetry) throws IOException {
            String stop;
            boolean refused = LocalRefusal.nothingListensAt(request.getUrl());
            if (refused) {
                stop = "nothing listens there on this machine (the connection was refused), so no retry was made";
            } else if (!supportsRetry) {
                stop = "the limit of " + policy.maxRetriesPerCall() + " retries per call was reached";
            } else if (notIdempotent) {
                stop = "a request that is not idempotent (an append) is not sent again after an I/O error, "
                        + "since it may have been applied";
            } else {
                stop = pause(request, backOff.nextBackOffMillis(), "got no answer (I/O error)");
            }
            if (stop == null) {
                return true;
            }
            lastGaveUp = new Unreachable.Tried(
                    Retry.host(request.getUrl()),
                    attempts,
                    (clock.nanoTime() - firstStartedNanos) / 1_000_000,
                    stop,
                    refused,
                    credentials == null);
            return false;
        }

        /** Pauses before the next attempt and returns null, or returns why there is none. */
        private String pause(HttpRequest request, long millis, String reason) {
            if (millis == BackOff.STOP) {
                return "the backoff gave up";
            }
            long remainingMillis = (deadlineNanos - clock.nanoTime()) / 1_000_000;
            if (millis >= remainingMillis) {
                return "the next retry would have passed the retry deadline of "
                        + RetryPolicy.describe(policy.deadline()) + " (SHEETS_DEADLINE_MS)";
            }
            listener.retrying(new Retry(
                    Retry.call(request.getRequestMethod(), request.getUrl().getRawPath()),
                    Retry.host(request.getUrl()),
                    attempts,
                    reason,
                    millis));
            try {
                clock.sleep(millis);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "the run was interrupted";
            }
        }
    }

    /**
     * An attempt may not outlive the run's deadline: its connect and read timeouts are cut to the time
     * left, so a slow answer ends the run at the deadline instead of up to a read timeout later.
     */
    private void boundTimeoutsByDeadline(HttpRequest request) {
        long leftMillis = Math.max(1, (deadlineNanos - clock.nanoTime()) / 1_000_000);
        request.setConnectTimeout((int) Math.min(policy.connectTimeout().toMillis(), leftMillis));
        request.setReadTimeout((int) Math.min(policy.readTimeout().toMillis(), leftMillis));
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
