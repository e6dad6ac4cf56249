package be.caisse.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A child process of the stack: started detached ({@code setsid}) with its output in a log file and its PID in a
 * file, so that {@code ./caisse down} can stop it later from another JVM.
 */
public final class ManagedProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final long pid;

    private ManagedProcess(String name, long pid) {
        this.name = name;
        this.pid = pid;
    }

    public static ManagedProcess start(StackConfig config, String name, List<String> command, Path workDir,
                                       Map<String, String> environment) throws IOException {
        Files.createDirectories(config.logs());
        Files.createDirectories(config.pids());
        Path log = config.logs().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(prepend("setsid", command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(config.pids().resolve(name + ".pid"), Long.toString(process.pid()));
        return new ManagedProcess(name, process.pid());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The process recorded under this name, if it still runs. */
    public static Optional<ManagedProcess> recorded(StackConfig config, String name) {
        Path file = config.pids().resolve(name + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            ManagedProcess p = new ManagedProcess(name, pid);
            return p.isAlive() ? Optional.of(p) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM to the process and its descendants, then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        List<ProcessHandle> descendants = handle.get().descendants().toList();
        handle.get().destroy();
        descendants.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && (handle.get().isAlive() || descendants.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(200);
        }
        if (handle.get().isAlive()) {
            handle.get().destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static void forget(StackConfig config, String name) throws IOException {
        Files.deleteIfExists(config.pids().resolve(name + ".pid"));
    }

    /** Waits until the check passes; fails early when the process died, with the end of its log. */
    public void awaitReady(StackConfig config, Duration timeout, BooleanSupplier check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.getAsBoolean()) {
                return;
            }
            if (!isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up:\n" + tail(config.logs().resolve(name + ".log"), 40));
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s:\n"
                + tail(config.logs().resolve(name + ".log"), 40));
    }

    public static boolean httpOk(String url) {
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
