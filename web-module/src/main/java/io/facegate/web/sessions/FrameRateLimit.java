package io.facegate.web.sessions;

/**
 * Seed 003's "10 FPS maximum" for one connection, as a token bucket: {@code perSecond} frames a
 * second on average, in bursts of up to {@code burst} frames. The burst absorbs a camera timer's
 * jitter and, more importantly, frames that queued up in the network while a busy server was not
 * reading: those arrive all at once through no fault of the client. A frame over the limit is
 * refused, not analysed; a client that keeps sending while refused ({@code refusalsToClose}
 * refusals in a row) is closed. A client at 15 fps is thus throttled to 10, while a flood is cut off.
 */
final class FrameRateLimit {

    enum Verdict { ACCEPT, REFUSE, CLOSE }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final int burst;
    private final int refusalsToClose;
    private double tokens;
    private long lastRefill;
    private int refusedInARow;

    FrameRateLimit(int perSecond, int burst, int refusalsToClose, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.refusalsToClose = refusalsToClose;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    synchronized Verdict admit(long nowNanos) {
        tokens = Math.min(burst, tokens + (double) (nowNanos - lastRefill) * perSecond / NANOS_PER_SECOND);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.ACCEPT;
        }
        refusedInARow++;
        return refusedInARow >= refusalsToClose ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
