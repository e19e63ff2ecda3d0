package dev.cutover.capture;

/** Formats time stamps the way tshark prints frame.time_epoch. */
final class Times {
    private Times() {
    }

    /** Seconds since the epoch with nine decimals, e.g. "1165780762.880651000". */
    static String epoch(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
    }
}
