package io.facegate.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/faces/detect and /api/faces/compare on the real server, with the shared test photos. */
@ExtendWith(FaceGateServer.class)
class FacesApiIT {

    private static Api client;

    @BeforeAll
    static void login() {
        client = Tenants.create("Faces Co").api();
    }

    @Test
    void detectsFromAMultipartFile() {
        Api.Reply reply = multipart("/api/faces/detect", "image", "detection/group/face_recognition_two_people.jpg");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject body = reply.json();
        JsonArray faces = body.getJsonArray("faces");
        assertEquals(2, faces.size(), reply::toString);
        JsonObject face = faces.getJsonObject(0);
        for (String field : new String[]{"box", "landmarks", "detection_score", "quality_score", "quality_issues", "liveness_score", "eyes_open"}) {
            assertTrue(face.containsKey(field), field + " in " + face);
        }
        assertEquals(5, face.getJsonArray("landmarks").size());
        assertEquals(2, face.getJsonArray("eyes_open").size());
        assertTrue(area(face) >= area(faces.getJsonObject(1)), "largest first: " + faces);
        assertTrue(body.getInt("image_width") > 0 && body.getInt("image_height") > 0);
        assertTrue(body.containsKey("processing_time_ms"));
    }

    @Test
    void detectsFromJsonDataUrlAndPlainBase64() {
        String base64 = base64("detection/formats_single_face/einstein.webp");
        for (String image : new String[]{"data:image/webp;base64," + base64, base64}) {
            Api.Reply reply = client.post("/api/faces/detect", "{\"image\":\"" + image + "\"}");
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(1, reply.json().getJsonArray("faces").size());
            assertEquals(256, reply.json().getInt("image_width"));
        }
    }

    @Test
    void comparesSameAndDifferentPeople() {
        Api.Reply same = client.post("/api/faces/compare", "{\"source_image\":\"" + base64("identities/Angelina_Jolie/img1.jpg")
                + "\",\"target_image\":\"" + base64("identities/Angelina_Jolie/img2.jpg") + "\"}");
        assertEquals(200, same.status(), same::toString);
        assertTrue(same.json().getBoolean("match"), same::toString);
        assertTrue(same.json().getJsonNumber("similarity").doubleValue() >= same.json().getJsonNumber("threshold").doubleValue());
        assertTrue(same.json().containsKey("source_face") && same.json().containsKey("target_face"));

        Api.Reply different = multipart("/api/faces/compare", "source_image", "identities/Angelina_Jolie/img1.jpg",
                "target_image", "identities/Jeff_Bezos/img20.jpg");
        assertEquals(200, different.status(), different::toString);
        assertFalse(different.json().getBoolean("match"), different::toString);
    }

    @Test
    void aSideWithoutAFaceIsNamed() {
        Api.Reply reply = multipart("/api/faces/compare", "source_image", "detection/no_face/dlib_mmod_cars_test_image.jpg",
                "target_image", "identities/Angelina_Jolie/img1.jpg");
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("no_face", reply.json().getString("error"));
        assertTrue(reply.json().getString("message").contains("source_image"), reply::toString);
    }

    @Test
    void refusesBadInputWithJsonErrors() {
        Api.Reply corrupt = multipart("/api/faces/detect", "image", "detection/invalid_images/corrupted.png");
        assertEquals(422, corrupt.status(), corrupt::toString);
        assertEquals("invalid_image", corrupt.json().getString("error"));

        Api.Reply truncated = multipart("/api/faces/detect", "image", "detection/invalid_images/truncated.jpg");
        assertEquals(422, truncated.status(), truncated::toString);

        Api.Reply base64 = client.post("/api/faces/detect", "{\"image\":\"not*base64!\"}");
        assertEquals(400, base64.status(), base64::toString);
        assertEquals("invalid_base64", base64.json().getString("error"));

        Api.Reply missing = client.post("/api/faces/detect", "{}");
        assertEquals(400, missing.status(), missing::toString);

        Api.Reply unsupported = client.post("/api/faces/detect", "plain".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(415, unsupported.status(), unsupported::toString);
        assertTrue(unsupported.contentType().startsWith("application/json"), unsupported::toString);
    }

    @Test
    void needsAClientToken() {
        assertEquals(401, Api.anonymous().post("/api/faces/detect", "{\"image\":\"\"}").status());
    }

    /** Every file of the detection data set: faces where there are faces, a 4xx for broken files, never a 5xx. */
    @Test
    void answersEveryDetectionFileWithoutAServerError() throws IOException {
        Path root = TestData.path("detection");
        java.util.Map<String, Integer> expectedFaces = new java.util.HashMap<>();
        java.util.List<String> counts = Files.readAllLines(root.resolve("face_counts.csv"));
        for (String line : counts.subList(1, counts.size())) {
            String[] columns = line.split(",");
            expectedFaces.put(columns[0], Integer.parseInt(columns[1]));
        }
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".csv") && !f.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString();
            Api.Reply reply = multipart("/api/faces/detect", "image", "detection/" + relative);
            assertTrue(reply.status() < 500, () -> relative + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/json"), relative);
            if (relative.startsWith("invalid_images/")) {
                assertTrue(reply.status() >= 400, () -> relative + " must be refused: " + reply);
            } else {
                assertEquals(200, reply.status(), () -> relative + ": " + reply);
                boolean hasFaces = expectedFaces.getOrDefault(relative, 0) > 0 || relative.startsWith("formats_single_face/");
                if (hasFaces) {
                    assertFalse(reply.json().getJsonArray("faces").isEmpty(), () -> relative + ": expected faces, found none");
                }
            }
        }
    }

    private static int area(JsonObject face) {
        JsonObject box = face.getJsonObject("box");
        return box.getInt("width") * box.getInt("height");
    }

    /** A multipart/form-data body of (field, data file) pairs. */
    private static Api.Reply multipart(String path, String... fieldsAndFiles) {
        String[] parts = fieldsAndFiles.clone();
        for (int i = 1; i < parts.length; i += 2) {
            parts[i] = "@" + parts[i];
        }
        return TestData.Multipart.of(parts).post(client, path);
    }

    private static String base64(String relative) {
        return TestData.base64(relative);
    }
}
