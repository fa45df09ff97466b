package io.facegate.domain.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** How one client runs attendance; a client without a row uses the server's defaults. */
@Entity
@Table(name = "attendance_settings")
public class AttendanceSettings {

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "debounce_seconds", nullable = false)
    private int debounceSeconds;

    @Column(name = "geofence_latitude")
    private Double geofenceLatitude;

    @Column(name = "geofence_longitude")
    private Double geofenceLongitude;

    @Column(name = "geofence_radius_meters")
    private Double geofenceRadiusMeters;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AttendanceSettings() {
        // for JPA
    }

    /** A circle mobile check-ins must be made in. */
    public record Geofence(double latitude, double longitude, double radiusMeters) {
        public Geofence {
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || !(radiusMeters > 0)) {
                throw new IllegalArgumentException("a geofence needs a latitude in [-90, 90], a longitude in [-180, 180] and a positive radius");
            }
        }

        /** Whether a position lies within the circle (great-circle distance on a spherical Earth, good to 0.5 %). */
        public boolean contains(double atLatitude, double atLongitude) {
            return distanceMeters(latitude, longitude, atLatitude, atLongitude) <= radiusMeters;
        }

        static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
            double dLat = Math.toRadians(lat2 - lat1);
            double dLon = Math.toRadians(lon2 - lon1);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
        }

        private static final double EARTH_RADIUS_METERS = 6_371_008.8;
    }

    public AttendanceSettings(UUID clientId, ZoneId timeZone, int debounceSeconds, Geofence geofence, Instant now) {
        this.clientId = clientId;
        change(timeZone, debounceSeconds, geofence, now);
    }

    public final void change(ZoneId newTimeZone, int newDebounceSeconds, Geofence newGeofence, Instant now) {
        if (newDebounceSeconds < 0) {
            throw new IllegalArgumentException("debounce_seconds must be >= 0");
        }
        this.timeZone = newTimeZone.getId();
        this.debounceSeconds = newDebounceSeconds;
        this.geofenceLatitude = newGeofence == null ? null : newGeofence.latitude();
        this.geofenceLongitude = newGeofence == null ? null : newGeofence.longitude();
        this.geofenceRadiusMeters = newGeofence == null ? null : newGeofence.radiusMeters();
        this.updatedAt = now;
    }

    public UUID getClientId() {
        return clientId;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public int getDebounceSeconds() {
        return debounceSeconds;
    }

    public Geofence getGeofence() {
        return geofenceLatitude == null ? null : new Geofence(geofenceLatitude, geofenceLongitude, geofenceRadiusMeters);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
