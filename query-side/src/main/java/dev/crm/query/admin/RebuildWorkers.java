package dev.crm.query.admin;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The threads rebuilds run on: one of its own for each rebuild in the background, and a pool shared by all
 * rebuilds for the work they split (a fold's partitions, the index builds).
 */
@Component
class RebuildWorkers implements DisposableBean {

    private static final int MAX_DEFAULT_PARTITIONS = 4;

    private final SimpleAsyncTaskExecutor rebuilds = new SimpleAsyncTaskExecutor("rebuild-");
    private final ThreadPoolTaskExecutor parts = new ThreadPoolTaskExecutor();
    private final int partitions;

    RebuildWorkers(@Value("${crm.rebuild.partitions:0}") int partitions) {
        // A set-based replay keeps one core busy per partition; each holds one or two pooled connections
        // (a streamed fold reads on a second one) for its whole run, so the default stays well inside the pool
        // the API needs. Two rebuilds at once share the threads, and so the connections.
        this.partitions = partitions > 0 ? partitions
                : Math.min(MAX_DEFAULT_PARTITIONS, Runtime.getRuntime().availableProcessors());
        rebuilds.setDaemon(true);
        parts.setCorePoolSize(this.partitions);
        parts.setMaxPoolSize(this.partitions);
        parts.setThreadNamePrefix("rebuild-part-");
        parts.setDaemon(true);
        parts.initialize();
    }

    /** How many partitions a fold splits the records into. */
    int partitions() {
        return partitions;
    }

    /** Runs {@code rebuild} in the background. */
    void start(Runnable rebuild) {
        rebuilds.execute(rebuild);
    }

    /**
     * Runs the tasks on the shared threads and waits until all of them have ended (so that nothing still
     * writes when the caller cleans up); fails with the first failure.
     */
    void runAll(List<Callable<Void>> tasks) throws Exception {
        List<Future<Void>> running = tasks.stream().map(parts::submit).toList();
        Exception failure = null;
        for (Future<Void> task : running) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void destroy() {
        parts.shutdown();
    }
}
