package io.facegate.web.profiles;

import io.facegate.profiles.FacialProfiles.NewProfile;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileUploadsTest {

    @Test
    void csvColumnsAreFoundByTheSeedsNamesInAnyOrderAndQuotedFieldsKeepCommasAndQuotes() {
        List<NewProfile> profiles = ProfileUploads.csv("\uFEFFimage_url,clientId,Name\r\n"
                + "https://x.example/a.jpg,emp1,\"Doe, \"\"JD\"\" John\"\r\n"
                + "\n"
                + "https://x.example/b.jpg,emp2,\n", 10);
        assertEquals(2, profiles.size());
        assertEquals("emp1", profiles.get(0).personId());
        assertEquals("Doe, \"JD\" John", profiles.get(0).name());
        assertEquals("https://x.example/a.jpg", profiles.get(0).imageUrl());
        assertNull(profiles.get(1).name());
    }

    @Test
    void aCsvWithoutThePersonColumnOrOverTheLimitIsRefused() {
        assertEquals("missing_client_id", assertThrows(FaceGateException.class, () -> ProfileUploads.csv("name,imageUrl\na,b\n", 10)).code());
        assertEquals("too_many_profiles", assertThrows(FaceGateException.class,
                () -> ProfileUploads.csv("clientId\na\nb\nc\n", 2)).code());
        assertEquals("invalid_csv", assertThrows(FaceGateException.class, () -> ProfileUploads.csv("clientId\n\"a\n", 2)).code());
    }

    @Test
    void aZipsPhotosAreNamedByTheirPersonAndOtherFilesAreSkipped() throws IOException {
        byte[] zip = zip("people/emp042.jpg", new byte[]{1, 2, 3}, "__MACOSX/people/._emp042.jpg", new byte[]{9}, "notes.txt", new byte[]{7},
                "emp7.PNG", new byte[]{4});
        List<NewProfile> profiles = ProfileUploads.zip(new ByteArrayInputStream(zip), 10, 100);
        assertEquals(List.of("emp042", "emp7"), profiles.stream().map(NewProfile::personId).toList());
        assertArrayEquals(new byte[]{1, 2, 3}, profiles.get(0).photo());
    }

    @Test
    void aZipPhotoOverTheImageLimitOrAZipWithoutPhotosIsRefused() throws IOException {
        assertEquals("image_too_large", assertThrows(FaceGateException.class,
                () -> ProfileUploads.zip(new ByteArrayInputStream(zip("a.jpg", new byte[101])), 10, 100)).code());
        assertEquals("empty_zip", assertThrows(FaceGateException.class,
                () -> ProfileUploads.zip(new ByteArrayInputStream(zip("a.txt", new byte[1])), 10, 100)).code());
    }

    private static byte[] zip(Object... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
