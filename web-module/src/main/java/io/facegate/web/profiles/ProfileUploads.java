package io.facegate.web.profiles;

import io.facegate.profiles.FacialProfiles.NewProfile;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The bulk import's two file formats besides a JSON array: CSV with a header row (seed 002's field
 * names: {@code clientId}, {@code name}, {@code imageUrl}, {@code provider}, {@code providerFaceId},
 * {@code version}), and a ZIP of photos each named by its person's id ({@code emp042.jpg}).
 */
final class ProfileUploads {

    private static final List<String> PHOTO_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif");

    private ProfileUploads() {
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<NewProfile> csv(String text, int maxProfiles) {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            throw FaceGateException.invalid("empty_csv", "the CSV has no header row");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().replace("_", "").toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("clientid")) {
            throw FaceGateException.invalid("missing_client_id", "the CSV header must name a clientId column (the person's id)");
        }
        List<NewProfile> profiles = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (profiles.size() == maxProfiles) {
                throw tooMany(maxProfiles);
            }
            profiles.add(new NewProfile(cell(row, columns, "clientid"), cell(row, columns, "name"), cell(row, columns, "provider"),
                    cell(row, columns, "providerfaceid"), cell(row, columns, "version"), null, null, cell(row, columns, "imageurl"), null));
        }
        return profiles;
    }

    /**
     * Each photo of the ZIP as a profile of the person its file name names; folders and other files
     * are skipped. Entries are read with a limit each, so that a small archive cannot unpack into
     * more than {@code maxProfiles * maxPhotoBytes}.
     */
    static List<NewProfile> zip(InputStream body, int maxProfiles, long maxPhotoBytes) {
        List<NewProfile> profiles = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(body)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                String lower = name.toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                if (entry.isDirectory() || name.startsWith(".") || entry.getName().startsWith("__MACOSX/") || dot <= 0
                        || PHOTO_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
                    continue;
                }
                if (profiles.size() == maxProfiles) {
                    throw tooMany(maxProfiles);
                }
                byte[] photo = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxPhotoBytes + 1));
                if (photo.length > maxPhotoBytes) {
                    throw new FaceGateException(ErrorKind.PAYLOAD_TOO_LARGE, "image_too_large", name + " has more than " + maxPhotoBytes + " bytes");
                }
                profiles.add(new NewProfile(name.substring(0, dot), null, null, null, null, null, null, null, photo));
            }
        } catch (IOException e) {
            throw FaceGateException.invalid("invalid_zip", "the body is not a readable ZIP archive: " + e.getMessage());
        }
        if (profiles.isEmpty()) {
            throw FaceGateException.invalid("empty_zip", "the ZIP holds no photo (.jpg, .jpeg, .png, .bmp, .webp or .gif) named by a person's id");
        }
        return profiles;
    }

    static FaceGateException tooMany(int maxProfiles) {
        return new FaceGateException(ErrorKind.PAYLOAD_TOO_LARGE, "too_many_profiles", "one import takes at most " + maxProfiles + " profiles");
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw FaceGateException.invalid("invalid_csv", "the CSV ends inside a quoted field");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
