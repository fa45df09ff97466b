package io.facegate.usage;

import io.facegate.domain.usage.ApiUsage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes usage rows with one JDBC batch per call, in one transaction. Plain JDBC because JPA would
 * send one INSERT per row; the columns are the ones {@link ApiUsage} maps, which reads them back.
 */
@Stateless
public class UsageWriter {

    private static final String INSERT = "insert into api_usage (id, client_id, endpoint, method, status_code, "
            + "response_time_ms, ip_address, user_agent, metadata, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)";

    @Resource(lookup = "jdbc/facegate")
    DataSource dataSource;

    public void write(List<ApiUsage> rows) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ApiUsage row : rows) {
                insert.setObject(1, row.getId());
                insert.setObject(2, row.getClientId());
                insert.setString(3, row.getEndpoint().code());
                insert.setString(4, row.getMethod());
                insert.setInt(5, row.getStatusCode());
                insert.setDouble(6, row.getResponseTimeMs());
                insert.setString(7, row.getIpAddress());
                insert.setString(8, row.getUserAgent());
                insert.setString(9, row.getMetadata());
                insert.setObject(10, OffsetDateTime.ofInstant(row.getCreatedAt(), ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // Unchecked, so the container rolls the transaction back.
            throw new IllegalStateException("could not write " + rows.size() + " usage rows: " + e.getMessage(), e);
        }
    }
}
