package dev.switchboard.edge.observability;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Logs the prompt and response of a request whose team opted in, redacted, to the {@code switchboard.prompts}
 * logger. Reading the texts, redacting and logging run on one background thread: a request only queues a task,
 * so the event loop never waits on a regex or an appender. When the queue is full the entry is dropped and
 * counted rather than slowing requests down. Nothing is written for a team that did not opt in.
 */
@Component
public class PromptLog implements DisposableBean {

    static final String LOGGER = "switchboard.prompts";
    private static final Logger prompts = LoggerFactory.getLogger(LOGGER);
    private static final Logger log = LoggerFactory.getLogger(PromptLog.class);
    private static final int QUEUE = 1024;

    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "prompt-log");
                thread.setDaemon(true);
                return thread;
            }, (task, executor) -> {
                if (dropped.getAndIncrement() % 1000 == 0) {
                    log.warn("Prompt log is behind; dropped {} entries so far", dropped.get());
                }
            });

    /**
     * @param messages the request's chat messages (read later, on the log thread: the request must be done with them)
     * @param response the response text, computed on the log thread; null when there is none to log
     */
    public void record(String requestId, String teamId, JsonNode messages, Supplier<String> response) {
        writer.execute(() -> write(requestId, teamId, messages, response));
    }

    private static void write(String requestId, String teamId, JsonNode messages, Supplier<String> response) {
        try {
            String prompt = Redactor.redact(PromptText.of(messages));
            String answer = response == null ? null : Redactor.redact(response.get());
            prompts.atInfo().addKeyValue(RequestLogs.REQUEST_ID, requestId).addKeyValue(RequestLogs.TEAM_ID, teamId)
                    .addKeyValue("prompt", prompt).addKeyValue("response", answer)
                    .log("prompt and response of request {}", requestId);
        } catch (RuntimeException e) {
            // the text is not logged when it could not be redacted; the failure's message may quote it, so not that
            log.atWarn().addKeyValue(RequestLogs.REQUEST_ID, requestId)
                    .log("Prompt of request {} not logged: {}", requestId, e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(2, TimeUnit.SECONDS);
    }
}
