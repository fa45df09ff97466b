package io.facegate.usage;

import io.facegate.domain.usage.ApiUsage;
import io.facegate.domain.usage.EndpointCategory;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client's recorded API calls: the filtered listing and the daily summary. Always scoped to one
 * client. SQL rather than JPQL because the summary needs PostgreSQL's percentile_cont, and listing,
 * counting and summarising then share one WHERE clause.
 */
@Stateless
public class UsageReport {

    public static final int SUMMARY_DEFAULT_DAYS = 30;
    public static final int SUMMARY_MAX_DAYS = 366;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    /** Newest first. */
    @SuppressWarnings("unchecked")
    public Page<ApiUsage> list(UUID clientId, UsageFilter filter, int offset, int limit) {
        Page.validate(offset, limit);
        Conditions where = new Conditions(clientId, filter);
        long count = ((Number) where.bind(em.createNativeQuery("select count(*) from api_usage" + where.sql))
                .getSingleResult()).longValue();
        // offset and limit are validated ints, so inlining them is safe and lets PostgreSQL page.
        List<ApiUsage> rows = where.bind(em.createNativeQuery("select * from api_usage" + where.sql
                + " order by created_at desc, id limit " + limit + " offset " + offset, ApiUsage.class)).getResultList();
        return new Page<>(count, offset, limit, rows);
    }

    /** Per UTC day and category; without a period, the last {@value #SUMMARY_DEFAULT_DAYS} days. */
    @SuppressWarnings("unchecked")
    public UsageSummary summarize(UUID clientId, UsageFilter filter) {
        UsageFilter period = filter.withPeriodOrLastDays(SUMMARY_DEFAULT_DAYS, Instant.now());
        period.requirePeriodAtMost(SUMMARY_MAX_DAYS);
        Conditions where = new Conditions(clientId, period);
        List<Object[]> rows = where.bind(em.createNativeQuery(
                "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD'), endpoint, count(*),"
                        + " count(*) filter (where status_code >= 400), avg(response_time_ms),"
                        + " percentile_cont(0.95) within group (order by response_time_ms)"
                        + " from api_usage" + where.sql + " group by 1, 2 order by 1, 2")).getResultList();
        List<DailyUsage> days = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            days.add(new DailyUsage(LocalDate.parse((String) row[0]),
                    EndpointCategory.fromCode((String) row[1]).orElse(EndpointCategory.OTHER),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                    ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue()));
        }
        return new UsageSummary(period.from(), period.to(), days.stream().mapToLong(DailyUsage::calls).sum(),
                days.stream().mapToLong(DailyUsage::errors).sum(), days);
    }

    /** The WHERE clause of a filter for one client, with its positional parameters. */
    private static final class Conditions {
        private final List<Object> parameters = new ArrayList<>();
        private final String sql;

        Conditions(UUID clientId, UsageFilter filter) {
            StringBuilder where = new StringBuilder(" where client_id = ").append(parameter(clientId));
            if (filter.category() != null) {
                where.append(" and endpoint = ").append(parameter(filter.category().code()));
            }
            if (filter.minStatus() != null) {
                where.append(" and status_code between ").append(parameter(filter.minStatus()))
                        .append(" and ").append(parameter(filter.maxStatus()));
            }
            if (filter.method() != null) {
                where.append(" and method = ").append(parameter(filter.method()));
            }
            if (filter.from() != null) {
                where.append(" and created_at >= ").append(parameter(Timestamp.from(filter.from())));
            }
            if (filter.to() != null) {
                where.append(" and created_at <= ").append(parameter(Timestamp.from(filter.to())));
            }
            this.sql = where.toString();
        }

        private String parameter(Object value) {
            parameters.add(value);
            return "?" + parameters.size();
        }

        Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }
}
