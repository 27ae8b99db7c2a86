package com.spooltracker.extendschema;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.spooltracker.extendschema.testing.FakeRetryClock;
import java.io.IOException;

/**
 * The function as deployed, but its Sheets retries keep time by the fake clock that the
 * {@value FakeRetryClock#PROPERTY} setting names (see {@code FunctionFixture.fakeTime}): backoff and
 * Retry-After pauses advance that clock instead of being slept, and the retry deadline is read from it.
 */
public final class FakeTimeFunction implements HttpFunction {
    private final ExtendSchemaFunction function;

    public FakeTimeFunction() {
        function = new ExtendSchemaFunction(FakeRetryClock.named(System.getProperties())
                .orElseThrow(() -> new IllegalStateException(FakeRetryClock.PROPERTY + " is not set")));
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        function.service(request, response);
    }
}
