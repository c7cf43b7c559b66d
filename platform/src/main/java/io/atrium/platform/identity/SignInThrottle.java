package io.atrium.platform.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows down password guessing, shared by every node through the database. Failures are counted
 * per account and client address, and per address across accounts; past a few failures in a row
 * further attempts are refused for a delay that doubles with each failure. The lock is per
 * address, so the real user signing in from elsewhere is not locked out.
 */
public interface SignInThrottle {

    /**
     * How long the caller must wait before an attempt for this account from this address may be
     * checked at all; empty when it may go ahead.
     */
    Optional<Duration> waitBefore(String username, String address);

    /** Records a failed attempt; returns the failures in a row for this account from this address. */
    int failed(String username, String address);

    /** Records a successful sign-in, which clears the count for this account from this address. */
    void succeeded(String username, String address);
}
