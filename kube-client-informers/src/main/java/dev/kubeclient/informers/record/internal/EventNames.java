package dev.kubeclient.informers.record.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event names as client-go makes them ({@code util.GenerateEventName}): the object's name, a dot,
 * and the time in nanoseconds in hex. Unlike client-go, the nanoseconds are made unique within the
 * process, so that events recorded in the same nanosecond (or on a fake clock) do not collide.
 */
final class EventNames {
  private static final AtomicLong LAST = new AtomicLong();

  private EventNames() {}

  static String generate(String objectName, Instant time) {
    long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    long unique = LAST.accumulateAndGet(nanos, (last, now) -> now > last ? now : last + 1);
    return objectName + "." + Long.toHexString(unique);
  }
}
