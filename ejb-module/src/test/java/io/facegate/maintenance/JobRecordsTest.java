package io.facegate.maintenance;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parameters of a run as the batch runtime stores them, read back without trusting anything else in the column. */
class JobRecordsTest {

    @Test
    void theParametersTheRuntimeStoredAreReadBack() throws IOException {
        Properties stored = new Properties();
        stored.setProperty("syncId", "22b8512a-8d36-43c2-8a8d-296461285ced");
        stored.setProperty("until", "2026-11-30T06:59:57.894884893Z");
        assertEquals(stored, JobRecords.parameters(serialized(stored)));
        assertEquals(new Properties(), JobRecords.parameters(null), "a run started without parameters");
    }

    @Test
    void anythingButAPropertiesOfStringsIsRefused() throws IOException {
        assertThrows(IllegalStateException.class, () -> JobRecords.parameters(serialized(new ArrayList<>(List.of("x")))));
        Properties withAnObject = new Properties();
        withAnObject.put("key", new StringBuilder("not a string"));
        assertThrows(IllegalStateException.class, () -> JobRecords.parameters(serialized(withAnObject)));
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
