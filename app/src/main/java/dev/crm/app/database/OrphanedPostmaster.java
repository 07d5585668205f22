package dev.crm.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * After {@code kill -9} of the server, its PostgreSQL keeps running and holds the data directory. zonky's
 * {@code epg-lock} file tells whether a live JVM owns the directory: it is locked for as long as the owner
 * runs. When nobody holds the lock but a postmaster is alive, that postmaster is an orphan and is stopped
 * so this start can use the data directory.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    static void stopIfPresent(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = pgData.resolve("epg-lock");
        try (FileChannel channel = new RandomAccessFile(lockFile.toFile(), "rw").getChannel();
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The data directory " + pgData
                        + " is in use by another running CRM server; stop it or set CRM_DATA_DIR elsewhere");
            }
            Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
            if (postmaster.isEmpty()) {
                return; // a stale pid file: PostgreSQL itself handles that on start
            }
            LOG.warn("Stopping orphaned PostgreSQL (pid {}) left by a server that did not shut down",
                    postmaster.get().pid());
            postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are already gone
            try {
                postmaster.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The orphaned PostgreSQL (pid " + postmaster.get().pid()
                        + ") holding " + pgData + " did not stop; stop it by hand", e);
            }
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
