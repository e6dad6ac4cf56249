package be.caisse.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory of verified tokens: until their expiry, bounded, never for an expired one. */
class TokenCheckTest {
    private final AtomicLong now = new AtomicLong(1_000_000L);

    @Test
    void aTokenIsRememberedUntilItExpiresAndNotOneMillisecondMore() {
        TokenCheck check = new TokenCheck(10, now::get);
        TokenCheck.Caller caller = new TokenCheck.Caller("agent", Set.of("agent"), now.get() + 60_000);
        check.keep("t1", caller);
        assertEquals(caller, check.remembered("t1"));
        now.addAndGet(59_999);
        assertEquals(caller, check.remembered("t1"));
        now.addAndGet(1);
        assertNull(check.remembered("t1"));
        assertEquals(0, check.size(), "an expired token is dropped when met");
    }

    @Test
    void anExpiredOrTimelessTokenIsNeverKept() {
        TokenCheck check = new TokenCheck(10, now::get);
        check.keep("old", new TokenCheck.Caller("agent", Set.of("agent"), now.get()));
        check.keep("no-exp", new TokenCheck.Caller("agent", Set.of("agent"), 0));
        assertEquals(0, check.size());
        assertNull(check.remembered("never-seen"));
    }

    @Test
    void theMemoryIsBounded() {
        TokenCheck check = new TokenCheck(3, now::get);
        for (int i = 0; i < 10; i++) {
            check.keep("t" + i, new TokenCheck.Caller("u" + i, Set.of("agent"), now.get() + 60_000));
            assertTrue(check.size() <= 3);
        }
        assertEquals("u9", check.remembered("t9").user());
    }

    @Test
    void nothingIsKeptWhenTheCacheIsOff() {
        TokenCheck check = new TokenCheck(0, now::get);
        check.keep("t", new TokenCheck.Caller("agent", Set.of("agent"), now.get() + 60_000));
        assertNull(check.remembered("t"));
    }
}
