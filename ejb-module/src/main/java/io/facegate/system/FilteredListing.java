package io.facegate.system;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JPQL listing with optional filters: each filter whose value is null is left out, and the
 * count and the page share one WHERE clause.
 */
public final class FilteredListing<T> {

    private final Class<T> type;
    private final String alias;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private FilteredListing(Class<T> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    /** A listing of entities of {@code type}, called {@code alias} in the clauses. */
    public static <T> FilteredListing<T> of(Class<T> type, String alias) {
        return new FilteredListing<>(type, alias);
    }

    /** @param clause a condition on the alias with the named parameter, e.g. {@code s.status = :status} */
    public FilteredListing<T> filter(String clause, String name, Object value) {
        if (value != null) {
            where.append(where.isEmpty() ? " where " : " and ").append(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** One page, in {@code order} (e.g. {@code s.createdAt desc, s.id}), with the count of all matches. */
    public Page<T> page(EntityManager em, String order, int offset, int limit) {
        Page.validate(offset, limit);
        String from = " from " + type.getSimpleName() + " " + alias + where;
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        TypedQuery<T> items = em.createQuery("select " + alias + from + " order by " + order, type);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new Page<>(count.getSingleResult(), offset, limit, items.setFirstResult(offset).setMaxResults(limit).getResultList());
    }
}
