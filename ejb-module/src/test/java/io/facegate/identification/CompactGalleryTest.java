package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.facegate.identification.Embeddings.bruteForce;
import static io.facegate.identification.Embeddings.near;
import static io.facegate.identification.Embeddings.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gallery past its compact size: codes instead of floats, exact similarities from the source. */
class CompactGalleryTest {

    private final Random random = new Random(20261129);
    private final Map<UUID, FaceEmbedding> gallery = new HashMap<>();
    /** The stored templates, as the database would return them; records what it was asked for. */
    private final List<Collection<UUID>> asked = new ArrayList<>();
    private final GalleryIndex.TemplateSource source = people -> {
        asked.add(List.copyOf(people));
        Map<UUID, FaceEmbedding> found = new HashMap<>();
        people.stream().filter(gallery::containsKey).forEach(person -> found.put(person, gallery.get(person)));
        return found;
    };

    @Test
    void turnsCompactAtItsSizeAndStillFindsEveryone() {
        GalleryIndex index = new GalleryIndex(1000);
        List<UUID> people = enrol(index, 999);
        assertFalse(index.compact());
        people.addAll(enrol(index, 1));
        assertTrue(index.compact());
        assertEquals(0, index.capacityFloats());
        for (UUID person : people) {
            FaceEmbedding template = gallery.get(person);
            GallerySearch search = index.search(template, 0.9, 0, source);
            assertEquals(new GalleryMatch(person, template.similarity(template)), search.best().orElseThrow());
            assertEquals(1000, search.searched());
        }
    }

    /** Probes with a match, look-alikes around the threshold: the same result as comparing with every template. */
    @Test
    void findsWhatComparingWithEveryTemplateFinds() {
        assertFindsWhatComparingWithEveryTemplateFinds(new GalleryIndex(1), 3000, 300);
    }

    /** A search spread over threads, on a gallery of several blocks of codes: still what comparing with every template finds. */
    @Test
    void findsTheSameWhenASearchIsSpreadOverThreads() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertFindsWhatComparingWithEveryTemplateFinds(new GalleryIndex(1, new SearchThreads(pool, 2)),
                    3 * CompactRows.SIGN_BLOCK_ROWS + 500, 80);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private void assertFindsWhatComparingWithEveryTemplateFinds(GalleryIndex index, int size, int probes) {
        List<UUID> people = enrol(index, size);
        for (int i = 0; i < 40; i++) {
            enrol(index, near(gallery.get(people.get(random.nextInt(people.size()))), 1.8 + random.nextDouble(), random));
        }
        for (int i = 0; i < probes; i++) {
            FaceEmbedding probe = i % 4 == 0 ? random(random)
                    : near(gallery.get(people.get(random.nextInt(people.size()))), 0.5 + 2 * random.nextDouble(), random);
            double threshold = 0.2 + 0.4 * random.nextDouble();
            double margin = i % 3 == 0 ? 0 : 0.1 * random.nextDouble();
            assertEquals(bruteForce(gallery, probe, threshold, margin), index.search(probe, threshold, margin, source),
                    "probe " + i + " at threshold " + threshold + ", margin " + margin);
        }
    }

    /** Only candidates that can qualify are fetched: none for a stranger, a few for a match. */
    @Test
    void opensOnlyTheTemplatesThatCanQualify() {
        GalleryIndex index = new GalleryIndex(1);
        List<UUID> people = enrol(index, 5000);
        for (int i = 0; i < 50; i++) {
            asked.clear();
            assertTrue(index.search(random(random), 0.4, 0.05, source).best().isEmpty());
            assertTrue(asked.isEmpty(), "a stranger's search opened " + asked);

            UUID person = people.get(random.nextInt(people.size()));
            GallerySearch search = index.search(near(gallery.get(person), 1, random), 0.4, 0.05, source);
            assertEquals(person, search.best().orElseThrow().clientUserId());
            assertEquals(1, asked.size());
            assertTrue(asked.get(0).contains(person) && asked.get(0).size() <= 3, asked.toString());
        }
    }

    @Test
    void reEnrolmentAndRemovalChangeTheCodes() {
        GalleryIndex index = new GalleryIndex(1);
        List<UUID> people = enrol(index, 2000);
        UUID person = people.get(7);
        FaceEmbedding before = gallery.get(person);
        FaceEmbedding after = random(random);
        index.put(person, after);
        gallery.put(person, after);
        assertEquals(2000, index.size());
        assertTrue(index.search(before, 0.5, 0, source).best().isEmpty());
        assertEquals(person, index.search(after, 0.5, 0, source).best().orElseThrow().clientUserId());

        // Removing moves the last row into the hole: everyone else is still found, the removed person is not.
        for (UUID removed : people.subList(0, 1500)) {
            FaceEmbedding template = gallery.remove(removed);
            assertTrue(index.remove(removed));
            assertTrue(index.search(template, 0.9, 0, source).best().isEmpty());
        }
        for (UUID kept : people.subList(1500, 2000)) {
            assertEquals(kept, index.search(gallery.get(kept), 0.9, 0, source).best().orElseThrow().clientUserId());
        }
        assertEquals(500, index.size());
    }

    /** A candidate whose template is gone from the database by the time it is opened is no match. */
    @Test
    void aCandidateDeletedMeanwhileIsNoMatch() {
        GalleryIndex index = new GalleryIndex(1);
        List<UUID> people = enrol(index, 100);
        FaceEmbedding template = gallery.remove(people.get(3));
        assertTrue(index.search(template, 0.5, 0, source).best().isEmpty());
    }

    private List<UUID> enrol(GalleryIndex index, int count) {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(enrol(index, random(random)));
        }
        return people;
    }

    private UUID enrol(GalleryIndex index, FaceEmbedding template) {
        UUID person = UUID.randomUUID();
        index.put(person, template);
        gallery.put(person, template);
        return person;
    }
}
