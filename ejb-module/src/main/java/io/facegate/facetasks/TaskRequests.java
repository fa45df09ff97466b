package io.facegate.facetasks;

import io.facegate.domain.shared.JsonProcessing;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A task's request as it waits in the database: JSON, so that a queued task survives a restart. */
final class TaskRequests {

    private TaskRequests() {
    }

    static byte[] enrollment(List<String> images, boolean qualityCheck) {
        JsonArrayBuilder array = JsonProcessing.PROVIDER.createArrayBuilder();
        images.forEach(array::add);
        return bytes(JsonProcessing.PROVIDER.createObjectBuilder().add("images", array).add("quality_check", qualityCheck).build());
    }

    static List<String> enrollmentImages(byte[] input) {
        return read(input).getJsonArray("images").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList();
    }

    static boolean qualityCheck(byte[] input) {
        return read(input).getBoolean("quality_check", true);
    }

    static byte[] verification(VerifyRequest request) {
        JsonArrayBuilder frames = JsonProcessing.PROVIDER.createArrayBuilder();
        for (VerifyRequest.Frame frame : request.frames()) {
            frames.add(JsonProcessing.PROVIDER.createObjectBuilder().add("id", nullable(frame.id())).add("image", frame.image())
                    .add("camera_id", nullable(frame.cameraCode())).add("location", nullable(frame.location())));
        }
        JsonObjectBuilder object = JsonProcessing.PROVIDER.createObjectBuilder().add("frames", frames).add("every_face", request.everyFace())
                .add("max_faces", request.maxFaces()).add("min_quality", request.minQuality())
                .add("similarity_threshold", request.similarityThreshold());
        return bytes(object.build());
    }

    static VerifyRequest verificationOf(byte[] input) {
        JsonObject object = read(input);
        List<VerifyRequest.Frame> frames = object.getJsonArray("frames").getValuesAs(JsonObject.class).stream()
                .map(f -> new VerifyRequest.Frame(f.getString("id", null), f.getString("image"), f.getString("camera_id", null),
                        f.getString("location", null)))
                .toList();
        return new VerifyRequest(frames, object.getBoolean("every_face"), object.getInt("max_faces"),
                object.getJsonNumber("min_quality").doubleValue(), object.getJsonNumber("similarity_threshold").doubleValue());
    }

    private static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : JsonProcessing.PROVIDER.createValue(text);
    }

    private static byte[] bytes(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject read(byte[] input) {
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new ByteArrayInputStream(input))) {
            return reader.readObject();
        }
    }
}
