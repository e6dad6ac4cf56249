package be.caisse.stack.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator over plain keep-alive sockets, in the manner of {@code wrk}: each connection
 * sends the same request, reads the whole answer and sends the next one. It costs little CPU (no client library, no
 * parsing beyond the headers), so that on a 2-core machine most of the time goes to what is measured.
 */
public final class HttpLoad {
    /** What one run measured: answers per second and the latency distribution in microseconds. */
    public record Result(long requests, long errors, double seconds, long[] sortedMicros) {
        public double rate() {
            return requests / seconds;
        }

        public double percentileMillis(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p / 100.0 * sortedMicros.length) - 1);
            return sortedMicros[Math.max(0, index)] / 1000.0;
        }

        static Result merge(List<Result> results) {
            long requests = 0;
            long errors = 0;
            double seconds = 0;
            int n = 0;
            for (Result r : results) {
                requests += r.requests;
                errors += r.errors;
                seconds += r.seconds;
                n += r.sortedMicros.length;
            }
            long[] all = new long[n];
            int at = 0;
            for (Result r : results) {
                System.arraycopy(r.sortedMicros, 0, all, at, r.sortedMicros.length);
                at += r.sortedMicros.length;
            }
            Arrays.sort(all);
            return new Result(requests, errors, seconds, all);
        }
    }

    private HttpLoad() {
    }

    /** Sends {@code GET uri} on {@code connections} connections for {@code millis}, with the given headers. */
    public static Result run(URI uri, Map<String, String> headers, int connections, long millis) throws InterruptedException {
        StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            request.append('?').append(uri.getRawQuery());
        }
        request.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        byte[] bytes = request.toString().getBytes(StandardCharsets.US_ASCII);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());

        AtomicLong errors = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[1 << 16];
            samples.add(mine);
            int slot = c;
            Thread t = new Thread(() -> {
                long[] lat = mine;
                int n = 0;
                Connection connection = null;
                while (System.nanoTime() < deadline) {
                    try {
                        if (connection == null) {
                            connection = new Connection(address);
                        }
                        long t0 = System.nanoTime();
                        int status = connection.exchange(bytes);
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, lat.length * 2);
                            samples.set(slot, lat);
                        }
                        lat[n++] = micros;
                        if (connection.closeRequested) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
                counts[slot] = n;
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(samples.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), seconds, all);
    }

    /** One keep-alive connection: writes a request, reads status, headers and the body (length or chunked). */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final StringBuilder line = new StringBuilder(128);
        boolean closeRequested;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(address, 5_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            if (statusLine.length() < 12) {
                throw new IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closeRequested = false;
            for (String h = readLine(); !h.isEmpty(); h = readLine()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.toLowerCase().contains("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                    closeRequested = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                    skip(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
