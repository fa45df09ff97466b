package io.facegate.cameras;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Which server polls which camera, when several share one database: a lease per camera in
 * {@code camera_state}, claimed and renewed in one atomic statement with the database's clock, so
 * servers' clocks need not agree. A lease not renewed before it expires may be claimed by another
 * server. The holder counts its lease from before it asked, on its own monotonic clock, and stops
 * polling when that runs out: by the time the database lets another server claim the camera, the
 * old holder has stopped, even if it cannot reach the database at all.
 */
final class CameraLeases {

    private static final String CLAIM = """
            update camera_state
               set lease_holder = ?, lease_expires_at = clock_timestamp() + ? * interval '1 millisecond'
             where camera_id = any(?)
               and (lease_holder = ? or lease_holder is null or lease_expires_at < clock_timestamp())
            returning camera_id""";
    private static final String RELEASE = """
            update camera_state set lease_holder = null, lease_expires_at = null
             where camera_id = any(?) and lease_holder = ?""";

    private final DataSource database;
    private final String holder;
    private final Duration lease;
    private final LongSupplier nanoClock;

    /** The cameras a claim secured and until when (on the holder's monotonic clock) they are its own. */
    record Claim(Set<UUID> held, long validUntil) {
    }

    CameraLeases(DataSource database, String holder, Duration lease, LongSupplier nanoClock) {
        this.database = database;
        this.holder = holder;
        this.lease = lease;
        this.nanoClock = nanoClock;
    }

    String holder() {
        return holder;
    }

    /**
     * Claims (or renews) the lease of each camera that is free, expired or already this holder's.
     *
     * @throws SQLException when the database cannot be asked: nothing is held beyond what earlier claims secured
     */
    Claim claim(Collection<UUID> cameras) throws SQLException {
        long askedAt = nanoClock.getAsLong();
        Set<UUID> held = new HashSet<>();
        if (!cameras.isEmpty()) {
            try (Connection connection = database.getConnection();
                 PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                Array ids = connection.createArrayOf("uuid", cameras.toArray());
                claim.setString(1, holder);
                claim.setLong(2, lease.toMillis());
                claim.setArray(3, ids);
                claim.setString(4, holder);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        held.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        }
        return new Claim(held, askedAt + lease.toNanos());
    }

    /** Gives cameras up at once (stopped, deleted, deactivated, shutting down), so another server need not wait. */
    void release(Collection<UUID> cameras) throws SQLException {
        if (cameras.isEmpty()) {
            return;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setArray(1, connection.createArrayOf("uuid", cameras.toArray()));
            release.setString(2, holder);
            release.executeUpdate();
        }
    }
}
