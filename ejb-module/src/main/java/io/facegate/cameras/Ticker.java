package io.facegate.cameras;

import java.io.InterruptedIOException;

/** Time for the pollers: the monotonic clock and sleeping on it, replaced by a controllable one in tests. */
public interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedIOException {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while waiting");
            }
        }
    };

    long nanoTime();

    /** Waits; a stopped poller's thread is interrupted, which ends the wait with {@link InterruptedIOException}. */
    void sleep(long nanos) throws InterruptedIOException;
}
