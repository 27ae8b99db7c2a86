package com.spooltracker.extendschema.bench;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;

/** The cold-start yardstick: the smallest HttpFunction, served by the same invoker as ours. */
public final class HelloFunction implements HttpFunction {
    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write("hello\n");
    }
}
