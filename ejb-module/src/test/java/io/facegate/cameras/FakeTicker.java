package io.facegate.cameras;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to, or when someone sleeps on it; records the sleeps. */
final class FakeTicker implements Ticker {

    private long now = 1_000_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();
    Runnable onSleep = () -> { };

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) throws InterruptedIOException {
        synchronized (this) {
            sleeps.add(nanos);
            now += nanos;
        }
        onSleep.run();
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException();
        }
    }

    synchronized void advance(long nanos) {
        now += nanos;
    }

    static long seconds(double s) {
        return (long) (s * 1_000_000_000L);
    }
}
