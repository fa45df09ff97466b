package io.facegate.it.bench;

import com.sun.net.httpserver.HttpServer;
import io.facegate.it.Api;
import io.facegate.it.FaceGateServer;
import io.facegate.it.Tenants;
import io.facegate.it.TestData;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enrollment through bulk import, against the integration-test server: a client imports profiles
 * whose {@code imageUrl}s point at a loopback server holding the shared identities' photos, and the
 * profile sync job fetches, decodes, detects, judges and embeds each photo and stores its template
 * (seed 002's path, {@code sync-facial-profiles}). Prints, for each run (a new client each time),
 * the images the job processed per second from its own start and end, and the median of the runs.
 * Not a test: opt in with {@code -Dfacegate.bench=true}; see docs/benchmarks/enrollment.md for the
 * command. {@code -Dfacegate.bench.profiles=N} (default 300) sets the profiles of an import (the
 * photos repeated under distinct ids), {@code -Dfacegate.bench.runs=N} (default 3) the runs.
 */
@ExtendWith(FaceGateServer.class)
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class EnrollmentBenchmark {

    @Test
    void importsProfilesThroughTheSyncJob() throws Exception {
        int profiles = Integer.getInteger("facegate.bench.profiles", 300);
        int runs = Integer.getInteger("facegate.bench.runs", 3);
        List<String> photos;
        try (Stream<Path> files = Files.walk(TestData.path("identities"))) {
            photos = files.filter(Files::isRegularFile).map(f -> TestData.path("").relativize(f).toString()).sorted().toList();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] photo = TestData.bytes(exchange.getRequestURI().getPath().substring(1));
            exchange.sendResponseHeaders(200, photo.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(photo);
            }
            exchange.close();
        });
        server.start();
        try {
            double[] rates = new double[runs];
            for (int run = 0; run < runs; run++) {
                rates[run] = importRun(run + 1, profiles, photos, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "enrollment through bulk import: median of %d runs %.1f images/s (%d cores)%n", runs,
                    rates[runs / 2], Runtime.getRuntime().availableProcessors());
        } finally {
            server.stop(0);
        }
    }

    /** One import of {@code profiles} photos by a new client; returns the images processed per second. */
    private static double importRun(int run, int profiles, List<String> photos, String photoBase) throws IOException, InterruptedException {
        Api owner = Tenants.create("Enrollment Benchmark " + run).api();
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < profiles; i++) {
            items.add(Json.createObjectBuilder().add("clientId", "bench" + i).add("name", "Bench " + i)
                    .add("imageUrl", photoBase + photos.get(i % photos.size())));
        }
        Api.Reply imported = owner.post("/api/facial-recognition/profiles/import", items.build().toString().getBytes(), "application/json");
        assertTrue(imported.status() == 200 || imported.status() == 202, imported::toString);
        JsonObject sync = finished(owner, imported.json().getJsonObject("sync"));
        JsonObject progress = sync.getJsonObject("progress");
        assertEquals(profiles, progress.getInt("done"), sync::toString);
        Duration took = Duration.between(Instant.parse(sync.getString("startedAt")), Instant.parse(sync.getString("endedAt")));
        double perSecond = profiles / (took.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "run %d: %d images (%d enrolled, %d refused) in %.1f s: %.1f images/s%n", run, profiles,
                sync.getInt("synced"), sync.getInt("failed"), took.toMillis() / 1000.0, perSecond);
        return perSecond;
    }

    /** The sync answered with, or its status URL polled until it has finished. */
    private static JsonObject finished(Api owner, JsonObject sync) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        JsonObject current = sync;
        while (current.isNull("endedAt")) {
            assertTrue(System.nanoTime() < deadline, "the sync did not finish: " + current);
            Thread.sleep(500);
            current = owner.get("/api/facial-recognition/sync/" + current.getString("id") + "/").json();
        }
        return current;
    }
}
