package io.facegate.people;

import io.facegate.authentication.PersonAuthentication;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.crypto.SecretHasher;
import io.facegate.domain.clients.ClientUser;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's people of a tenant: its client users with who they are in the organisation and,
 * optionally, a password. Deactivating keeps the person (their face, their history) but ends their
 * logins and their attendance; erasing them is the client users' delete.
 */
@Stateless
public class People {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ClientUserDirectory directory;

    @Inject
    PersonAuthentication logins;

    public ClientUser register(UUID clientId, PersonDetails details) {
        requireFreeEmail(clientId, details.email(), null);
        ClientUser person = directory.register(clientId, details.employeeId(), null, null);
        person.describePerson(details.email(), details.firstName(), details.lastName(), details.role(), details.department());
        person.describe(person.fullName(), null);
        if (details.password() != null) {
            person.changePassword(SecretHasher.hash(details.password()));
        }
        if (Boolean.FALSE.equals(details.active())) {
            person.deactivate();
        }
        return person;
    }

    public ClientUser find(UUID clientId, UUID personId) {
        return directory.find(clientId, personId);
    }

    /** Newest first. */
    public Page<ClientUser> list(UUID clientId, PersonFilter filter, int offset, int limit) {
        Page.validate(offset, limit);
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" where u.clientId = :clientId");
        parameters.put("clientId", clientId);
        if (filter.role() != null) {
            where.append(" and u.role = :role");
            parameters.put("role", filter.role());
        }
        if (filter.department() != null) {
            where.append(" and lower(u.department) = :department");
            parameters.put("department", filter.department().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.search() != null) {
            where.append(" and (lower(u.firstName) like :search or lower(u.lastName) like :search or lower(u.email) like :search"
                    + " or lower(u.externalUserId) like :search or lower(u.displayName) like :search)");
            parameters.put("search", "%" + filter.search().strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        TypedQuery<Long> count = em.createQuery("select count(u) from ClientUser u" + where, Long.class);
        TypedQuery<ClientUser> items = em.createQuery("select u from ClientUser u" + where + " order by u.createdAt desc, u.id", ClientUser.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new Page<>(count.getSingleResult(), offset, limit, items.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /**
     * Changes what is given; concurrent changes of one person apply one after the other. A new
     * password or a deactivation ends the person's logins; a new role or department applies from
     * their next request. The employee id never changes (it is how the client knows them).
     */
    public ClientUser update(UUID clientId, UUID personId, PersonDetails changes) {
        ClientUser person = em.find(ClientUser.class, personId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null || !person.belongsTo(clientId)) {
            throw FaceGateException.notFound("user");
        }
        if (changes.employeeId() != null && !changes.employeeId().strip().equals(person.getExternalUserId())) {
            throw FaceGateException.invalid("invalid_employee_id", "employee_id cannot change; register the person anew");
        }
        requireFreeEmail(clientId, changes.email(), personId);
        person.describePerson(changes.email(), changes.firstName(), changes.lastName(), changes.role(), changes.department());
        if (changes.firstName() != null || changes.lastName() != null) {
            person.describe(person.fullName(), null);
        }
        if (changes.password() != null) {
            person.changePassword(SecretHasher.hash(changes.password()));
            logins.endLogins(person);
        }
        if (Boolean.FALSE.equals(changes.active())) {
            deactivate(person);
        } else if (Boolean.TRUE.equals(changes.active())) {
            person.activate();
        }
        logins.refreshStanding(person);
        return person;
    }

    /** Seed 004's DELETE. */
    public ClientUser deactivate(UUID clientId, UUID personId) {
        return update(clientId, personId, new PersonDetails(null, null, null, null, null, null, null, false));
    }

    private void deactivate(ClientUser person) {
        person.deactivate();
        logins.endLogins(person);
    }

    private void requireFreeEmail(UUID clientId, String email, UUID self) {
        if (email == null) {
            return;
        }
        boolean taken = em.createNamedQuery(ClientUser.BY_EMAIL, ClientUser.class)
                .setParameter("clientId", clientId).setParameter("email", email.strip())
                .getResultStream().anyMatch(other -> !other.getId().equals(self));
        if (taken) {
            throw new FaceGateException(ErrorKind.CONFLICT, "email_exists", "another person of this client has this email");
        }
    }
}
