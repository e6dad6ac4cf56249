package be.caisse.common.identifiers;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter within the
 * millisecond, 62 random bits. Rows keyed by them are appended at the right edge of their index instead of at
 * random places, which keeps bulk writes (a quarterly run of a million notices and events) cheap.
 */
public final class Uuids {
    private static long lastMillis;
    private static long sequence;

    private Uuids() {
    }

    public static UUID timeOrdered() {
        long millis;
        long seq;
        synchronized (Uuids.class) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                sequence = 0;
            } else if (++sequence > 0xFFF) {
                // more than 4096 in one millisecond: borrow the next one, order is kept
                lastMillis++;
                sequence = 0;
            }
            millis = lastMillis;
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
