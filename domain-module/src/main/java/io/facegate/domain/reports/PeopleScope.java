package io.facegate.domain.reports;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Whom an attendance report counts: a client's active people, narrowed by the request (a
 * department, some employee ids) and by what the caller may read (a faculty member's department,
 * a student's own record). Shared by the JSON figures and the batch job's rows, so that both
 * count the same people.
 *
 * @param department       the request's department filter, or null
 * @param viewerDepartment the caller's own department when they may read only it, or null
 * @param personId         the caller when they may read only themselves, or null
 * @param employeeIds      the request's employee ids (empty: everyone)
 */
public record PeopleScope(UUID clientId, String department, String viewerDepartment, UUID personId, List<String> employeeIds) {

    /** Most employee ids one request may name. */
    public static final int MAX_EMPLOYEE_IDS = 500;

    /** How people without a department are shown and grouped. */
    public static final String NO_DEPARTMENT = "(none)";

    public PeopleScope {
        Objects.requireNonNull(clientId);
        employeeIds = List.copyOf(employeeIds);
        if (employeeIds.size() > MAX_EMPLOYEE_IDS) {
            throw new IllegalArgumentException("at most " + MAX_EMPLOYEE_IDS + " employee ids");
        }
    }

    /**
     * Appends this scope's conditions on the {@code client_user} alias {@code u} to a native
     * query's where clause, adding their values to the positional parameters.
     */
    public void restrict(StringBuilder where, List<Object> parameters) {
        parameters.add(clientId);
        where.append(" u.client_id = ?").append(parameters.size()).append(" and u.is_active");
        if (department != null) {
            parameters.add(department);
            where.append(" and u.department = ?").append(parameters.size());
        }
        if (viewerDepartment != null) {
            parameters.add(viewerDepartment);
            where.append(" and u.department = ?").append(parameters.size());
        }
        if (personId != null) {
            parameters.add(personId);
            where.append(" and u.id = ?").append(parameters.size());
        }
        if (!employeeIds.isEmpty()) {
            where.append(" and u.external_user_id in (");
            for (int i = 0; i < employeeIds.size(); i++) {
                parameters.add(employeeIds.get(i));
                where.append(i == 0 ? "?" : ", ?").append(parameters.size());
            }
            where.append(")");
        }
    }
}
