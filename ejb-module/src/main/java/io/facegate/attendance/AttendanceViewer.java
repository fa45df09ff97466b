package io.facegate.attendance;

import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.PersonCaller;

import java.util.UUID;

/**
 * Whose attendance a caller may read: a tenant admin (the client's own credentials, or a person
 * with role admin) everyone's, a faculty member their department's, a student only their own.
 */
public record AttendanceViewer(UUID clientId, Reach reach, UUID personId, String department) {

    public enum Reach {
        TENANT, DEPARTMENT, SELF
    }

    public static AttendanceViewer of(CallerIdentity caller) {
        if (!caller.isPerson()) {
            return new AttendanceViewer(caller.clientId(), Reach.TENANT, null, null);
        }
        PersonCaller person = caller.person();
        Reach reach = switch (person.role()) {
            case ADMIN -> Reach.TENANT;
            // Staff without a department have none to read but their own.
            case FACULTY -> person.department() == null ? Reach.SELF : Reach.DEPARTMENT;
            case STUDENT -> Reach.SELF;
        };
        return new AttendanceViewer(caller.clientId(), reach, person.personId(), person.department());
    }
}
