package io.atrium.platform.identity.internal;

import java.time.Duration;

/**
 * How many failures in a row are tolerated before attempts are refused, and for how long.
 *
 * @param accountFailures failures per account and address before the first lock
 * @param addressFailures failures per address, over all accounts, before the first lock
 * @param firstDelay      the first lock; each further failure doubles it
 * @param maxDelay        the longest lock
 * @param forgetAfter     how long after its last failure or lock a counter is forgotten
 */
record SignInLimits(int accountFailures, int addressFailures, Duration firstDelay, Duration maxDelay,
        Duration forgetAfter) {

    /** The lock after the threshold was reached and then passed {@code beyond} more times. */
    Duration delayAfter(int beyond) {
        int doublings = Math.min(Math.max(beyond, 0), 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
