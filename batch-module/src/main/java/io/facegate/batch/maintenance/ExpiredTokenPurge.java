package io.facegate.batch.maintenance;

import io.facegate.domain.authentication.RefreshToken;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Optional;

/**
 * Batchlet of the {@code purge-expired-tokens} job ({@code @Dependent}: the lib jar is discovered in "annotated" mode):
 * deletes refresh tokens that expired more than {@code graceHours} ago.
 */
@Named("expiredTokenPurge")
@Dependent
public class ExpiredTokenPurge extends AgePurge {

    @Inject
    @BatchProperty
    String graceHours;

    @Override
    protected Optional<Duration> keptFor() {
        return Optional.of(Duration.ofHours(Long.parseLong(graceHours)));
    }

    @Override
    protected String deleteQuery() {
        return RefreshToken.DELETE_EXPIRED;
    }
}
