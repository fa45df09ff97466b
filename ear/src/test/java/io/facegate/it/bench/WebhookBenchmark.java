package io.facegate.it.bench;

import com.sun.net.httpserver.HttpServer;
import io.facegate.it.Api;
import io.facegate.it.FaceGateServer;
import io.facegate.it.Tenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Webhook delivery to a fast receiver on loopback (the test JVM's HTTP server answering 204 at
 * once), against the integration-test server. Prints: how fast a backlog of due deliveries is
 * drained with one endpoint and with several (written straight into the outbox, so the figure is
 * the dispatcher's alone); and, for real facts (people created and deleted through the API, each
 * deletion a {@code client_user.deleted} event) at a steady rate and as fast as the clients can,
 * the delivered rate and the delay from the fact's timestamp (taken in its transaction, just
 * before the commit) to the receiver. Not a test: opt in with {@code -Dfacegate.bench=true}; see
 * docs/benchmarks/webhooks.md for the command.
 */
@ExtendWith(FaceGateServer.class)
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class WebhookBenchmark {

    /** One request as the receiver saw it. */
    private record Arrival(String path, Instant at, String body) {
    }

    /**
     * One run's figures; the delays are NaN for a backlog (it has no facts). {@code queuedP50/P99}:
     * from the outbox row's creation (in the fact's transaction) to the start of its first attempt.
     */
    private record Result(String run, int events, double perSecond, double p50, double p99, double max, double queuedP50,
                          double queuedP99) {

        String row() {
            return String.format("| %s | %d | %.0f | %s | %s | %s | %s | %s |", run, events, perSecond, ms(p50), ms(p99), ms(max),
                    ms(queuedP50), ms(queuedP99));
        }

        private static String ms(double value) {
            return Double.isNaN(value) ? "" : String.format("%.0f ms", value);
        }
    }

    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;

    @Test
    void deliversToAFastLocalReceiver() throws Exception {
        int backlog = Integer.getInteger("facegate.bench.backlog", 5000);
        int facts = Integer.getInteger("facegate.bench.facts", 600);
        double rate = Double.parseDouble(System.getProperty("facegate.bench.rate", "20"));
        ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                arrivals.add(new Arrival(exchange.getRequestURI().getPath(), Instant.now(), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        int repeats = Integer.getInteger("facegate.bench.repeats", 3);
        String loadBefore = loadAverage();
        List<List<Result>> runs = new ArrayList<>();
        try {
            for (int r = 0; r < repeats; r++) {
                runs.add(List.of(drain(1, backlog), drain(4, backlog), realFacts("steady " + rate + "/s", facts, rate, 4),
                        realFacts("as fast as 8 clients can", facts, 0, 8)));
            }
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
        System.out.println("\nload average before the runs: " + loadBefore + "; after: " + loadAverage());
        String header = "| run | events | delivered/s | delay p50 | delay p99 | delay max | queued p50 | queued p99 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |";
        for (int r = 0; r < runs.size(); r++) {
            System.out.println("\nrun " + (r + 1) + "\n" + header);
            runs.get(r).forEach(result -> System.out.println(result.row()));
        }
        System.out.println("\nmedians of " + runs.size() + " runs\n" + header);
        for (int i = 0; i < runs.get(0).size(); i++) {
            int column = i;
            List<Result> same = runs.stream().map(run -> run.get(column)).toList();
            System.out.println(new Result(same.get(0).run(), same.get(0).events(), median(same, Result::perSecond), median(same, Result::p50),
                    median(same, Result::p99), median(same, Result::max), median(same, Result::queuedP50),
                    median(same, Result::queuedP99)).row());
        }
    }

    private static double median(List<Result> results, ToDoubleFunction<Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    /** A backlog of due deliveries split over {@code endpoints}, written in one transaction; how fast it empties. */
    private Result drain(int endpoints, int count) throws Exception {
        Api api = Tenants.create("Webhook Benchmark " + UUID.randomUUID()).api();
        String prefix = "/drain-" + endpoints + "-" + UUID.randomUUID() + "/";
        List<UUID> hooks = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            hooks.add(UUID.fromString(api.create("/api/webhooks/", "{\"url\": \"" + url(prefix + i) + "\", \"events\": [\"*\"]}")
                    .getString("id")));
        }
        Instant committed;
        try (Connection db = FaceGateServer.database();
             PreparedStatement insert = db.prepareStatement("insert into webhook_delivery (id, endpoint_id, event_type, payload,"
                     + " status, next_attempt_at, created_at) values (?, ?, 'benchmark', ?, 'PENDING', ?, ?)")) {
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, hooks.get(i % endpoints));
                insert.setString(3, "{\"type\":\"benchmark\",\"timestamp\":\"" + now.toInstant() + "\",\"data\":{\"n\":" + i + "}}");
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
            db.commit();
            committed = Instant.now();
        }
        List<Arrival> received = await(prefix, count, Duration.ofMinutes(10));
        Instant last = received.stream().map(Arrival::at).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(committed, last).toNanos() / 1e9;
        return new Result("backlog, " + endpoints + " endpoint" + (endpoints == 1 ? "" : "s"), count, count / seconds,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * {@code count} deletions by {@code clients} threads, at {@code rate} per second in all (0: as
     * fast as they go); delivered rate from the first fact to the last arrival, and each event's delay.
     */
    private Result realFacts(String label, int count, double rate, int clients) throws Exception {
        Api api = Tenants.create("Webhook Benchmark " + UUID.randomUUID()).api();
        String path = "/facts-" + UUID.randomUUID();
        UUID webhook = UUID.fromString(api.create("/api/webhooks/", "{\"url\": \"" + url(path) + "\", \"events\": [\"client_user.deleted\"]}")
                .getString("id"));
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Instant first = Instant.now();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (rate > 0) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    String id = api.create("/api/clients/users/", "{\"external_user_id\": \"bench-" + UUID.randomUUID() + "\"}").getString("id");
                    assertEquals(204, api.delete("/api/clients/users/" + id).status());
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        threads.shutdown();
        List<Arrival> received = await(path, count, Duration.ofMinutes(5));
        List<Double> delays = new ArrayList<>();
        Instant last = first;
        for (Arrival arrival : received) {
            Instant fact = Instant.parse(json(arrival.body()).getJsonObject("data").getString("deleted_at"));
            delays.add(Duration.between(fact, arrival.at()).toNanos() / 1e6);
            last = arrival.at().isAfter(last) ? arrival.at() : last;
        }
        delays.sort(Double::compare);
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        double[] queued = queued(webhook);
        return new Result("real facts, " + label, count, count / seconds, percentile(delays, 0.50), percentile(delays, 0.99),
                delays.get(delays.size() - 1), queued[0], queued[1]);
    }

    /** p50 and p99 of the wait in the outbox: from a delivery's creation to its first attempt, as the log records them. */
    private static double[] queued(UUID webhook) throws Exception {
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select percentile_cont(0.5) within group (order by w),"
                     + " percentile_cont(0.99) within group (order by w) from (select extract(epoch from a.started_at - d.created_at)"
                     + " * 1000 as w from webhook_delivery d join webhook_attempt a on a.delivery_id = d.id and a.attempt_number = 1"
                     + " where d.endpoint_id = ?) waits")) {
            query.setObject(1, webhook);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new double[]{row.getDouble(1), row.getDouble(2)};
            }
        }
    }

    private List<Arrival> await(String pathPrefix, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Arrival> matching = arrivals.stream().filter(a -> a.path().startsWith(pathPrefix)).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(matching.size() + " of " + count + " deliveries arrived at " + pathPrefix);
            }
            Thread.sleep(20);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
