package io.facegate.maintenance;

/**
 * The application is up after a start: the owners of the jobs the last stop cut off (recorded when
 * {@link JobsInterrupted} was fired) may restart them now. Fired outside any transaction; each
 * observer restarts its own jobs and keeps a failure to itself.
 */
public record JobsRestartable() {
}
