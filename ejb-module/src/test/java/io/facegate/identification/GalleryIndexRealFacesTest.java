package io.facegate.identification;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.RecognitionSettings;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 1:N search over embeddings of the real identity photos, among synthetic strangers. */
class GalleryIndexRealFacesTest {

    private static final double THRESHOLD = RecognitionSettings.DEFAULT_MATCH_THRESHOLD;
    private static final int STRANGERS = 5000;

    /** Identity (folder name) -> its photos with a face, in file name order, each with its largest face's embedding. */
    private static Map<String, List<Photo>> identities;

    private record Photo(String path, FaceEmbedding embedding) {
    }

    @BeforeAll
    static void embedThePhotos() throws IOException {
        identities = new HashMap<>();
        try (Stream<Path> folders = Files.list(TestData.data("identities"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<Photo> photos = files.sorted().map(GalleryIndexRealFacesTest::embed)
                            .flatMap(Stream::ofNullable).toList();
                    identities.put(folder.getFileName().toString(), photos);
                }
            }
        }
    }

    /** Every photo enrolled as its own person: each probe finds itself among the closest, and exactly what brute force finds. */
    @Test
    void everyPhotoAmongStrangersIsFoundAsBruteForceFindsIt() {
        GalleryIndex index = new GalleryIndex();
        Map<UUID, FaceEmbedding> gallery = new HashMap<>();
        Map<UUID, String> paths = new HashMap<>();
        enrolStrangers(index, gallery);
        identities.values().stream().flatMap(List::stream).forEach(photo -> {
            UUID person = UUID.randomUUID();
            index.put(person, photo.embedding());
            gallery.put(person, photo.embedding());
            paths.put(person, photo.path());
        });
        int photos = 0;
        for (List<Photo> identity : identities.values()) {
            for (Photo photo : identity) {
                for (double margin : new double[]{0, 0.05, 0.6}) {
                    GallerySearch search = index.search(photo.embedding(), THRESHOLD, margin);
                    assertEquals(Embeddings.bruteForce(gallery, photo.embedding(), THRESHOLD, margin), search, photo.path());
                    if (margin > 0) {
                        // Not necessarily the best: the data set holds near-duplicate photos.
                        assertTrue(search.closeMatches().stream().anyMatch(match -> paths.get(match.clientUserId()).equals(photo.path())),
                                photo.path());
                    }
                }
                photos++;
            }
        }
        assertTrue(photos >= 110, photos + " photos with a face");
    }

    /** One photo per person enrolled, the others as probes: the right person, as at 1:1 (FRR 0.67 % at 0.40). */
    @Test
    void otherPhotosIdentifyTheEnrolledPerson() {
        identifyTheEnrolledPeople(new GalleryIndex());
    }

    /** The same in a compact gallery, its exact similarities opened from the stored templates. */
    @Test
    void otherPhotosIdentifyTheEnrolledPersonInACompactGallery() {
        GalleryIndex index = new GalleryIndex(1);
        identifyTheEnrolledPeople(index);
        assertTrue(index.compact());
    }

    private static void identifyTheEnrolledPeople(GalleryIndex index) {
        Map<UUID, FaceEmbedding> gallery = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        enrolStrangers(index, gallery);
        identities.forEach((name, photos) -> {
            UUID person = UUID.randomUUID();
            index.put(person, photos.get(0).embedding());
            gallery.put(person, photos.get(0).embedding());
            names.put(person, name);
        });
        int probes = 0;
        int identified = 0;
        StringBuilder misses = new StringBuilder();
        for (Map.Entry<String, List<Photo>> identity : identities.entrySet()) {
            for (Photo probe : identity.getValue().subList(1, identity.getValue().size())) {
                GallerySearch search = index.search(probe.embedding(), THRESHOLD, 0.05, people -> {
                    Map<UUID, FaceEmbedding> stored = new HashMap<>();
                    people.forEach(person -> stored.put(person, gallery.get(person)));
                    return stored;
                });
                assertEquals(Embeddings.bruteForce(gallery, probe.embedding(), THRESHOLD, 0.05), search, probe.path());
                probes++;
                if (search.best().map(best -> names.get(best.clientUserId())).orElse("").equals(identity.getKey())) {
                    identified++;
                } else {
                    misses.append("\n  ").append(probe.path()).append(" -> ").append(search.best());
                }
            }
        }
        System.out.printf("1:N over %d enrolled + %d strangers: %d of %d probes identified%s%n",
                identities.size(), STRANGERS, identified, probes, misses);
        assertTrue(probes >= 90);
        assertTrue(identified >= 0.95 * probes, identified + " of " + probes + misses);
    }

    private static void enrolStrangers(GalleryIndex index, Map<UUID, FaceEmbedding> gallery) {
        Random random = new Random(5);
        for (int i = 0; i < STRANGERS; i++) {
            UUID person = UUID.randomUUID();
            FaceEmbedding template = Embeddings.random(random);
            index.put(person, template);
            gallery.put(person, template);
        }
    }

    private static Photo embed(Path file) {
        try (DecodedImage image = TestData.image(file)) {
            List<DetectedFace> faces = TestData.engine().analyze(image, Set.of(FaceAttribute.EMBEDDING));
            return faces.isEmpty() ? null : new Photo(file.getParent().getFileName() + "/" + file.getFileName(), faces.get(0).embedding());
        }
    }
}
