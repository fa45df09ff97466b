package io.facegate.cameras;

import io.facegate.domain.detections.DetectionEvent.Finding;
import io.facegate.domain.detections.DetectionStatus;
import io.facegate.recognition.FaceBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Follows faces across one camera's analysed frames so that a person walking past gives one
 * event, not one per frame. A face is matched to a track by the overlap of its box with where the
 * track was heading (IoU), or, when it moved too far for any overlap, by nearness, size and (when
 * both are recognisable) embedding similarity. A track becomes an event once seen in
 * {@code minHits} frames in a row (single-frame false detections never do); its event is improved
 * when a better view arrives, and a person matched again within the cooldown joins their recent
 * event instead of starting another. Not thread-safe: one camera's frames are analysed one at a time.
 */
final class FaceTracker {

    /** How tracking decides. */
    record Rules(int minHits, long maxAgeNanos, long cooldownNanos, int matchVotes, double minIou, double minSimilarity) {

        static Rules defaults(long cooldownNanos) {
            return new Rules(3, 2_000_000_000L, cooldownNanos, 2, 0.2, 0.3);
        }
    }

    /** What to do about an event. */
    sealed interface Decision {
        UUID eventId();

        UUID trackId();

        FaceSighting sighting();
    }

    /** A new event, with this sighting as its view and {@code finding} as what it is. */
    record Open(UUID eventId, UUID trackId, FaceSighting sighting, Finding finding) implements Decision {
    }

    /** A better view of an existing event. */
    record Improve(UUID eventId, UUID trackId, FaceSighting sighting, Finding finding) implements Decision {
    }

    private final Rules rules;
    private final List<Track> tracks = new ArrayList<>();
    private final Map<UUID, Recent> recentByPerson = new HashMap<>();

    /** A person's latest event on this camera, joined by their next tracks within the cooldown. */
    private record Recent(UUID eventId, long until, Finding reported) {
    }

    FaceTracker(Rules rules) {
        this.rules = rules;
    }

    /** The decisions this frame's sightings call for. */
    List<Decision> update(long now, List<FaceSighting> sightings) {
        List<Decision> decisions = new ArrayList<>();
        boolean[] taken = new boolean[sightings.size()];
        List<Track> unmatched = new ArrayList<>(tracks);
        for (Pair pair : pairs(now, sightings)) {
            if (!taken[pair.sighting] && unmatched.contains(pair.track)) {
                taken[pair.sighting] = true;
                unmatched.remove(pair.track);
                pair.track.hit(now, sightings.get(pair.sighting));
            }
        }
        for (Track track : unmatched) {
            track.misses++;
        }
        tracks.removeIf(t -> (!t.confirmed() && t.misses > 0) || now - t.lastSeen > rules.maxAgeNanos());
        for (int i = 0; i < sightings.size(); i++) {
            if (!taken[i]) {
                Track track = new Track(now, sightings.get(i));
                tracks.add(track);
            }
        }
        for (Track track : tracks) {
            if (track.lastSeen == now) {
                track.decide(now).ifPresent(decisions::add);
            }
        }
        recentByPerson.values().removeIf(r -> r.until < now);
        return decisions;
    }

    private record Pair(Track track, int sighting, double score) {
    }

    /** Candidate (track, sighting) pairs, most convincing first. */
    private List<Pair> pairs(long now, List<FaceSighting> sightings) {
        List<Pair> pairs = new ArrayList<>();
        for (Track track : tracks) {
            FaceBox predicted = track.predicted(now);
            for (int i = 0; i < sightings.size(); i++) {
                FaceSighting sighting = sightings.get(i);
                double iou = predicted.iou(sighting.box());
                if (iou >= rules.minIou()) {
                    pairs.add(new Pair(track, i, 1 + iou));
                } else if (near(predicted, sighting.box()) && similarEnough(track.last, sighting)) {
                    pairs.add(new Pair(track, i, 1 - distance(predicted, sighting.box()) / side(predicted)));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        return pairs;
    }

    private static boolean near(FaceBox a, FaceBox b) {
        double ratio = side(b) / side(a);
        return ratio > 0.6 && ratio < 1.67 && distance(a, b) < 2 * Math.max(side(a), side(b));
    }

    private boolean similarEnough(FaceSighting a, FaceSighting b) {
        return a.embedding() == null || b.embedding() == null || a.embedding().similarity(b.embedding()) >= rules.minSimilarity();
    }

    private static double distance(FaceBox a, FaceBox b) {
        return Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
    }

    private static double side(FaceBox box) {
        return Math.max(1, Math.max(box.width(), box.height()));
    }

    /** Whether {@code candidate} says more than {@code reported}: a higher status, a surer match, a much better view. */
    static boolean better(Finding candidate, Finding reported) {
        if (reported == null) {
            return true;
        }
        int rank = candidate.status().compareTo(reported.status());
        if (rank != 0) {
            return rank > 0;
        }
        if (candidate.status() == DetectionStatus.MATCHED && !candidate.clientUserId().equals(reported.clientUserId())) {
            return candidate.confidence() > reported.confidence();
        }
        if (candidate.confidence() != null && reported.confidence() != null && candidate.status() == DetectionStatus.MATCHED) {
            return candidate.confidence() >= reported.confidence() + 0.05;
        }
        return candidate.quality() >= reported.quality() + 0.15;
    }

    private final class Track {
        final UUID id = UUID.randomUUID();
        FaceSighting last;
        long lastSeen;
        long previousSeen;
        FaceBox previousBox;
        int hits = 1;
        int misses;
        UUID eventId;
        Finding reported;
        final Map<UUID, Integer> votes = new HashMap<>();

        Track(long now, FaceSighting sighting) {
            this.lastSeen = now;
            this.last = sighting;
            vote(sighting);
        }

        boolean confirmed() {
            return hits >= rules.minHits();
        }

        void hit(long now, FaceSighting sighting) {
            previousBox = last.box();
            previousSeen = lastSeen;
            last = sighting;
            lastSeen = now;
            hits++;
            misses = 0;
            vote(sighting);
        }

        private void vote(FaceSighting sighting) {
            if (sighting.finding().status() == DetectionStatus.MATCHED) {
                votes.merge(sighting.finding().clientUserId(), 1, Integer::sum);
            }
        }

        /** Where the box should be at {@code now}, moving as it did between its last two sightings. */
        FaceBox predicted(long now) {
            FaceBox box = last.box();
            if (previousBox == null || lastSeen == previousSeen) {
                return box;
            }
            double scale = (double) (now - lastSeen) / (lastSeen - previousSeen);
            return new FaceBox(box.x() + (box.x() - previousBox.x()) * scale, box.y() + (box.y() - previousBox.y()) * scale,
                    box.width(), box.height());
        }

        /** What this sighting shows once a match is confirmed by enough votes; a lone match counts as unknown. */
        Finding accepted(Finding finding) {
            if (finding.status() != DetectionStatus.MATCHED || votes.getOrDefault(finding.clientUserId(), 0) >= rules.matchVotes()) {
                return finding;
            }
            return new Finding(DetectionStatus.UNKNOWN, null, finding.candidates(), finding.confidence(), finding.box(), finding.quality());
        }

        Optional<Decision> decide(long now) {
            if (!confirmed()) {
                return Optional.empty();
            }
            Finding finding = accepted(last.finding());
            if (eventId == null && finding.status() == DetectionStatus.MATCHED) {
                Recent recent = recentByPerson.get(finding.clientUserId());
                if (recent != null && recent.until >= now) {
                    eventId = recent.eventId(); // the same person again within the cooldown: their recent event
                    reported = recent.reported();
                }
            }
            Decision decision = null;
            if (eventId == null) {
                eventId = UUID.randomUUID();
                decision = new Open(eventId, id, last, finding);
                reported = finding;
            } else if (better(finding, reported)) {
                decision = new Improve(eventId, id, last, finding);
                reported = finding;
            }
            if (reported.status() == DetectionStatus.MATCHED) {
                recentByPerson.put(reported.clientUserId(), new Recent(eventId, now + rules.cooldownNanos(), reported));
            }
            return Optional.ofNullable(decision);
        }
    }
}
