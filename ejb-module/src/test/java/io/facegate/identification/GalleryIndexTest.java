package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.facegate.identification.Embeddings.bruteForce;
import static io.facegate.identification.Embeddings.near;
import static io.facegate.identification.Embeddings.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GalleryIndexTest {

    private final Random random = new Random(20261123);
    private final GalleryIndex index = new GalleryIndex();
    private final Map<UUID, FaceEmbedding> gallery = new HashMap<>();

    @Test
    void findsWhatComparingWithEveryTemplateFinds() {
        List<FaceEmbedding> people = enrol(3000);
        // Look-alikes at similarities around the threshold make close matches and ambiguity.
        for (int i = 0; i < 40; i++) {
            FaceEmbedding person = people.get(random.nextInt(people.size()));
            enrol(near(person, 1.8 + random.nextDouble(), random));
        }
        for (int i = 0; i < 200; i++) {
            FaceEmbedding probe = i % 4 == 0 ? random(random) : near(people.get(random.nextInt(people.size())),
                    0.5 + 2 * random.nextDouble(), random);
            double threshold = i % 5 == 0 ? -1 : 0.2 + 0.4 * random.nextDouble();
            double margin = i % 3 == 0 ? 0 : 0.3 * random.nextDouble();
            assertEquals(bruteForce(gallery, probe, threshold, margin), index.search(probe, threshold, margin),
                    "probe " + i + " at threshold " + threshold + ", margin " + margin);
        }
    }

    /** A template exactly at the threshold matches, although the float scan may score it a hair lower. */
    @Test
    void matchesATemplateExactlyAtTheThreshold() {
        List<FaceEmbedding> people = enrol(500);
        for (int i = 0; i < 100; i++) {
            FaceEmbedding probe = near(people.get(i), 2, random);
            double threshold = people.get(i).similarity(probe);
            GallerySearch search = index.search(probe, threshold, 0);
            assertEquals(bruteForce(gallery, probe, threshold, 0), search);
            assertTrue(search.best().isPresent());
        }
    }

    @Test
    void reEnrolmentReplacesTheTemplate() {
        UUID person = UUID.randomUUID();
        FaceEmbedding before = random(random);
        FaceEmbedding after = random(random);
        enrol(50);
        index.put(person, before);
        index.put(person, after);
        gallery.put(person, after);

        assertEquals(51, index.size());
        assertTrue(index.search(before, 0.5, 0).best().isEmpty());
        GallerySearch search = index.search(after, 0.5, 0);
        assertEquals(new GalleryMatch(person, after.similarity(after)), search.best().orElseThrow());
        assertEquals(bruteForce(gallery, before, -1, 0.2), index.search(before, -1, 0.2));
    }

    @Test
    void removalForgetsThePersonAndCompactsTheStorage() {
        enrol(1000);
        long fullCapacity = index.capacityFloats();
        List<UUID> order = new ArrayList<>(gallery.keySet());
        Collections.shuffle(order, random);
        for (int i = 0; i < order.size(); i++) {
            UUID person = order.get(i);
            FaceEmbedding template = gallery.remove(person);
            assertTrue(index.remove(person));
            assertFalse(index.remove(person));
            assertEquals(gallery.size(), index.size());
            if (i % 50 == 0) {
                assertTrue(index.search(template, 0.99, 0).best().isEmpty(), "removed person still found");
                assertEquals(bruteForce(gallery, template, -1, 0.15), index.search(template, -1, 0.15));
            }
            if (index.size() == 100) {
                // At most one block of slack, not the space of the 1000 templates held before.
                assertTrue(index.capacityFloats() <= (100 + TemplateRows.BLOCK_ROWS) * FaceEmbedding.DIMENSIONS,
                        index.capacityFloats() + " floats held for 100 templates, " + fullCapacity + " for 1000");
            }
        }
        assertEquals(0, index.size());
        assertEquals(0, index.capacityFloats());
        assertEquals(0, index.search(random(random), -1, 1).searched());
    }

    @Test
    void smallGalleriesHoldLittleSpace() {
        enrol(5);
        assertTrue(index.capacityFloats() <= 8 * FaceEmbedding.DIMENSIONS, index.capacityFloats() + " floats for 5 templates");
    }

    @Test
    void closeMatchesMakeTheResultAmbiguous() {
        enrol(200);
        FaceEmbedding twin = random(random);
        UUID first = enrol(twin);
        UUID second = enrol(near(twin, 0.2, random));
        FaceEmbedding probe = near(twin, 0.3, random);

        GallerySearch wide = index.search(probe, 0.4, 0.1);
        assertTrue(wide.ambiguous());
        assertEquals(2, wide.closeMatches().size());
        assertEquals(wide.best().orElseThrow(), wide.closeMatches().get(0));
        assertTrue(wide.closeMatches().get(0).similarity() >= wide.closeMatches().get(1).similarity());
        assertEquals(Set.of(first, second),
                Set.of(wide.closeMatches().get(0).clientUserId(), wide.closeMatches().get(1).clientUserId()));

        GallerySearch narrow = index.search(probe, 0.4, 0);
        assertFalse(narrow.ambiguous());
        assertEquals(List.of(narrow.best().orElseThrow()), narrow.closeMatches());
        assertEquals(202, narrow.searched());
    }

    @Test
    void refusesWhatItCannotSearchExactly() {
        float[] unnormalised = new float[FaceEmbedding.DIMENSIONS];
        unnormalised[0] = 2;
        FaceEmbedding wrong = new FaceEmbedding(unnormalised);
        FaceEmbedding right = random(random);
        assertThrows(IllegalArgumentException.class, () -> index.put(UUID.randomUUID(), wrong));
        assertThrows(IllegalArgumentException.class, () -> index.put(UUID.randomUUID(), new FaceEmbedding(new float[FaceEmbedding.DIMENSIONS])));
        assertThrows(IllegalArgumentException.class, () -> index.search(wrong, 0.4, 0));
        assertThrows(IllegalArgumentException.class, () -> index.search(right, 0.4, -0.1));
        assertThrows(IllegalArgumentException.class, () -> index.search(right, Double.NaN, 0));
        assertThrows(NullPointerException.class, () -> index.put(null, right));
        assertEquals(0, index.size());
    }

    /**
     * Searches while others enrol, re-enrol and remove: a person never touched is always found, a
     * search never fails, and the final state is exactly what the writes left.
     */
    @Test
    void searchesStayCorrectWhileTheGalleryChanges() throws Exception {
        List<FaceEmbedding> stable = enrol(500);
        Map<UUID, FaceEmbedding> stableGallery = Map.copyOf(gallery);
        Map<UUID, FaceEmbedding> churned = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                long seed = t;
                searchers.add(threads.submit(() -> {
                    Random own = new Random(seed);
                    int searches = 0;
                    while (writing.get() || searches < 50) {
                        FaceEmbedding person = stable.get(own.nextInt(stable.size()));
                        GallerySearch search = index.search(person, 0.9, 0.05);
                        assertEquals(person.similarity(person), search.best().orElseThrow().similarity());
                        assertTrue(search.searched() >= stable.size());
                        searches++;
                    }
                    return searches;
                }));
            }
            Future<?> writer = threads.submit(() -> {
                Random own = new Random(99);
                List<UUID> people = new ArrayList<>();
                for (int i = 0; i < 3000; i++) {
                    if (people.isEmpty() || own.nextInt(3) > 0) {
                        UUID person = UUID.randomUUID();
                        FaceEmbedding template = random(own);
                        index.put(person, template);
                        churned.put(person, template);
                        people.add(person);
                    } else if (own.nextBoolean()) {
                        UUID person = people.get(own.nextInt(people.size()));
                        FaceEmbedding template = random(own);
                        index.put(person, template);
                        churned.put(person, template);
                    } else {
                        UUID person = people.remove(own.nextInt(people.size()));
                        assertTrue(index.remove(person));
                        churned.remove(person);
                    }
                }
                writing.set(false);
                return null;
            });
            writer.get(2, TimeUnit.MINUTES);
            for (Future<Integer> searcher : searchers) {
                assertTrue(searcher.get(2, TimeUnit.MINUTES) >= 50);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<UUID, FaceEmbedding> expected = new HashMap<>(stableGallery);
        expected.putAll(churned);
        assertEquals(expected.size(), index.size());
        for (int i = 0; i < 20; i++) {
            FaceEmbedding probe = random(random);
            assertEquals(bruteForce(expected, probe, -0.05, 0.1), index.search(probe, -0.05, 0.1));
        }
    }

    private List<FaceEmbedding> enrol(int count) {
        List<FaceEmbedding> templates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FaceEmbedding template = random(random);
            enrol(template);
            templates.add(template);
        }
        return templates;
    }

    private UUID enrol(FaceEmbedding template) {
        UUID person = UUID.randomUUID();
        index.put(person, template);
        gallery.put(person, template);
        return person;
    }
}
