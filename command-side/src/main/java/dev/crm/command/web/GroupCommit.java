package dev.crm.command.web;

import dev.crm.api.common.ReadModel;
import dev.crm.api.common.FindRecord;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group commit: the writes of concurrent requests share one transaction. A request hands its write (the
 * commands to send, then what to answer) to a worker thread and waits; the worker takes every write waiting at
 * that moment, sends all their commands in one transaction (each command's unit of work joins it), reads all
 * the answers (the records of one kind in one query), and commits once. Event appends and projection writes
 * are held until then ({@code BatchingEventStorageEngine}, {@code DeferredWrites}), so a group of creates
 * costs one commit and a few multi-row statements instead of a transaction and several round trips each.
 * While one group commits, the next requests queue up: under load the groups grow by themselves, and a lone
 * request waits for nobody.
 * <p>
 * A group is all or nothing. When any of its writes fails (a rule of the aggregate, a record that changed
 * meanwhile, the database), nothing of the group is kept and every write of it runs again alone, exactly as
 * it would without grouping: its commands in transactions of their own, with their own retries, then its
 * answer. Either way a write is answered only once it is committed, and its answer reflects it.
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final BlockingQueue<GroupedWrite<?>> waiting = new LinkedBlockingQueue<>();
    private final ReadModel readModel;
    private final PlatformTransactionManager transactions;
    private final int largestGroup;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    GroupCommit(ReadModel readModel, PlatformTransactionManager transactions,
                @Value("${crm.writes.group-commit.workers:1}") int workers,
                @Value("${crm.writes.group-commit.largest-group:32}") int largestGroup) {
        this.readModel = readModel;
        this.transactions = transactions;
        this.largestGroup = largestGroup;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "group-commit-" + i);
            worker.setDaemon(true);
            worker.start();
            this.workers.add(worker);
        }
    }

    /**
     * Sends what {@code commands} sends and answers the record {@code find} asks for, as it is afterwards, on
     * behalf of the calling request (its user and request id travel with the commands). Throws what the write
     * would have thrown alone.
     */
    public <T> Versioned<T> run(Runnable commands, FindRecord find) {
        return submit(new GroupedWrite<>(() -> {
            commands.run();
            return null;
        }, find, sent -> readModel.require(find, "the record no longer exists")));
    }

    /** Sends what {@code commands} sends and answers what {@code answer} reads, given what they returned. */
    public <R, T> T run(Supplier<R> commands, Function<R, T> answer) {
        return submit(new GroupedWrite<>(commands, null, answer));
    }

    /** Sends what {@code commands} sends, for a write answered without a body. */
    public void run(Runnable commands) {
        run(() -> {
            commands.run();
            return null;
        }, sent -> null);
    }

    private <T> T submit(GroupedWrite<T> write) {
        if (stopping) {
            write.runAlone();
        } else {
            waiting.add(write);
        }
        return write.result();
    }

    private void work() {
        while (!stopping) {
            List<GroupedWrite<?>> group = new ArrayList<>();
            try {
                group.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(group, largestGroup - 1);
            if (!together(group)) {
                group.forEach(GroupedWrite::runAlone); // never throws: each write gets its own answer or error
            }
        }
    }

    /** Runs the group in one transaction; false, with nothing committed and no write answered, if it failed. */
    private boolean together(List<GroupedWrite<?>> group) {
        Committed committed = new Committed();
        List<Object> answers = new ArrayList<>(group.size());
        TransactionStatus transaction;
        try {
            transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        } catch (RuntimeException | Error e) {
            return false; // no transaction (the database is away): each write fails alone, as it should
        }
        try {
            TransactionSynchronizationManager.registerSynchronization(committed);
            group.forEach(GroupedWrite::send);
            Map<FindRecord, Versioned<?>> found = readModel.findAll(group.stream().map(write -> write.find)
                    .filter(Objects::nonNull).toList());
            for (GroupedWrite<?> write : group) {
                answers.add(write.find == null ? write.answer() : existing(found, write.find));
            }
        } catch (RuntimeException | Error e) {
            rollback(transaction);
            LOG.debug("A group of {} writes failed ({}); each runs again alone", group.size(), e.toString());
            return false;
        }
        try {
            transactions.commit(transaction);
        } catch (RuntimeException | Error e) {
            if (!committed.yes) {
                LOG.debug("A group of {} writes failed to commit ({}); each runs again alone", group.size(),
                        e.toString());
                return false;
            }
            // Committed, and then something after the commit failed: the writes happened; answer them.
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer(answers.get(i));
        }
        return true;
    }

    private void rollback(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException e) {
            LOG.debug("Rolling back a failed group failed too ({})", e.toString());
        }
    }

    private static Versioned<?> existing(Map<FindRecord, Versioned<?>> found, FindRecord find) {
        Versioned<?> record = found.get(find);
        if (record == null) {
            // Gone again within the group (deleted by a later write of it): let the write run alone and say so.
            throw new NotFoundException("the record no longer exists");
        }
        return record;
    }

    @Override
    public void destroy() {
        stopping = true;
        workers.forEach(Thread::interrupt);
        List<GroupedWrite<?>> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(GroupedWrite::runAlone);
    }

    private static final class Committed implements TransactionSynchronization {

        private boolean yes;

        @Override
        public void afterCommit() {
            yes = true;
        }
    }
}
