package org.supporthub.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hub under test seen as a Linux process, to measure how much CPU it uses: Arquillian starts Payara
 * Micro as a child process and does not hand out its id, so it is found by the port it listens on.
 *
 * <p>Method: the listening socket of that port is looked up in {@code /proc/net/tcp} and {@code tcp6}
 * (state {@code 0A}) for its inode; the process holding that inode is the one with a
 * {@code /proc/<pid>/fd/*} link to {@code socket:[inode]}. Its CPU time is {@code utime + stime} of
 * {@code /proc/<pid>/stat} (all its threads), in clock ticks of 1/100 s (the kernel's {@code USER_HZ}
 * on every common Linux).
 */
final class HubProcess {

    static final double TICKS_PER_SECOND = 100.0;

    final long pid;

    private HubProcess(long pid) {
        this.pid = pid;
    }

    /** The process listening on {@code port}, or empty when /proc does not tell (not Linux). */
    static Optional<HubProcess> listeningOn(int port) throws IOException {
        Optional<String> inode = listeningInode(Path.of("/proc/net/tcp"), port)
                .or(() -> listeningInode(Path.of("/proc/net/tcp6"), port));
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String target = "socket:[" + inode.get() + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (target.equals(Files.readSymbolicLink(fd).toString())) {
                                return Optional.of(new HubProcess(Long.parseLong(proc.getFileName().toString())));
                            }
                        } catch (IOException e) {
                            // the descriptor closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process, or gone
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> listeningInode(Path table, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    return Optional.of(f[9]);
                }
            }
        } catch (IOException e) {
            // no such table
        }
        return Optional.empty();
    }

    /** CPU time the process has used so far, in seconds (user and system, all threads). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name (which may contain spaces), which ends at the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14, stime field 15.
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** The share of one core the process used over the next {@code millis}. */
    double coreShareOver(long millis) throws IOException, InterruptedException {
        double before = cpuSeconds();
        long start = System.nanoTime();
        Thread.sleep(millis);
        double used = cpuSeconds() - before;
        return used / ((System.nanoTime() - start) / 1e9);
    }
}
