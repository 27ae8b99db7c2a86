package com.spooltracker.extendschema.sheets;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.spooltracker.extendschema.failure.Failure;
import java.io.IOException;
import java.util.Optional;

/**
 * Builds Sheets clients for runs: against Google with Application Default Credentials (on Cloud
 * Functions, the runtime service account: workload identity, no key files), or against an
 * emulator with no credentials at all, as other Google Cloud emulators are used.
 */
public final class SheetsClientFactory {
    private static final HttpTransport TRANSPORT = new NetHttpTransport();
    private static final String APPLICATION_NAME = "extendSchema/4.0";

    private final String rootUrl;
    private final boolean useCredentials;
    private volatile GoogleCredentials credentials;

    private SheetsClientFactory(String rootUrl, boolean useCredentials) {
        this.rootUrl = rootUrl;
        this.useCredentials = useCredentials;
    }

    public static SheetsClientFactory google() {
        return new SheetsClientFactory(Sheets.DEFAULT_ROOT_URL, true);
    }

    /**
     * A Sheets endpoint at {@code rootUrl} called with {@code credentials}: for tests that need bearer
     * tokens on the wire (e.g. to prove they never leak), and for proxies in front of Google.
     */
    public static SheetsClientFactory at(String rootUrl, GoogleCredentials credentials) {
        SheetsClientFactory factory = new SheetsClientFactory(rootUrl, true);
        factory.credentials = credentials;
        return factory;
    }

    /** @param hostPort the emulator's {@code host:port}, as in {@code SHEETS_EMULATOR_HOST} */
    public static SheetsClientFactory emulator(String hostPort) {
        return new SheetsClientFactory("http://" + hostPort + "/", false);
    }

    public boolean isEmulator() {
        return !useCredentials;
    }

    /** A client whose calls share one retry deadline, starting now, and count into {@code counter}. */
    public Sheets client(RetryPolicy policy, ApiCallCounter counter) {
        return client(policy, counter, RetryListener.NONE);
    }

    /** As {@link #client(RetryPolicy, ApiCallCounter)}, telling {@code retries} of each retry. */
    /** A gateway to {@code spreadsheetId} over a new client; callers outside sheets/ never hold the client. */
    public SheetsGateway gateway(
            String spreadsheetId, RetryPolicy policy, ApiCallCounter counter, RetryListener retries) {
        return new SheetsGateway(client(policy, counter, retries), spreadsheetId, this::identity);
    }

    public Sheets client(RetryPolicy policy, ApiCallCounter counter, RetryListener retries) {
        long deadlineNanos = System.nanoTime() + policy.deadline().toNanos();
        RetryingInitializer initializer =
                new RetryingInitializer(useCredentials ? credentials() : null, policy, deadlineNanos, counter, retries);
        return new Sheets.Builder(TRANSPORT, GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(rootUrl)
                .setApplicationName(APPLICATION_NAME)
                .build();
    }

    /**
     * Who the spreadsheet must be shared with, for error messages: the service account's email when
     * the credentials know it (on Cloud Functions they ask the metadata server), else a description;
     * empty against an emulator, which checks no identity.
     */
    public Optional<String> identity() {
        if (!useCredentials) {
            return Optional.empty();
        }
        try {
            if (credentials() instanceof ServiceAccountSigner signer) {
                String account = signer.getAccount();
                if (account != null && !account.isBlank()) {
                    return Optional.of(account);
                }
            }
        } catch (RuntimeException e) {
            // fall through: the identity is only a hint in an error message
        }
        return Optional.of("the account of the Application Default Credentials");
    }

    private GoogleCredentials credentials() {
        GoogleCredentials loaded = credentials;
        if (loaded == null) {
            synchronized (this) {
                loaded = credentials;
                if (loaded == null) {
                    loaded = loadApplicationDefault();
                    credentials = loaded;
                }
            }
        }
        return loaded;
    }

    private static GoogleCredentials loadApplicationDefault() {
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(SheetsScopes.SPREADSHEETS);
        } catch (IOException e) {
            throw noCredentials();
        }
    }

    /**
     * Both local steps: user credentials without a quota project are refused by the Sheets API (403
     * QUOTA_PROJECT_MISSING), so logging in alone would only move the failure one run later.
     */
    static Failure.NotConfigured noCredentials() {
        return new Failure.NotConfigured("No Application Default Credentials were found. On Cloud Functions "
                + "they come from the runtime service account. Locally run `gcloud auth application-default "
                + "login --scopes=https://www.googleapis.com/auth/spreadsheets,"
                + "https://www.googleapis.com/auth/cloud-platform`, then `gcloud auth application-default "
                + "set-quota-project PROJECT_ID` (a project with the Google Sheets API enabled); or set "
                + "SHEETS_EMULATOR_HOST to use an emulator.");
    }
}
