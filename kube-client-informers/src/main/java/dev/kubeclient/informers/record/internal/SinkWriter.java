package dev.kubeclient.informers.record.internal;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.typed.api.core.v1.Event;
import dev.kubeclient.typed.api.core.v1.ObjectReference;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink thread's work (client-go's {@code recordToSink}): takes queued events, correlates them
 * and writes them, retrying transport failures up to 12 tries, 10 seconds apart by default (the
 * first wait randomized so that many clients do not retry together). A status error from the server
 * is final (the event is malformed or unwanted), as in client-go. Once closing, each event left
 * gets one try until the flush deadline; what is left then is dropped and counted.
 */
public final class SinkWriter implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);

  /** client-go's {@code maxTriesPerEvent}. */
  public static final int MAX_TRIES_PER_EVENT = 12;

  /** Counts of what happened to events; shared with the broadcaster. */
  public record Counters(AtomicLong dropped, AtomicLong written, AtomicLong failed) {
    /** Zeroed counters. */
    public Counters() {
      this(new AtomicLong(), new AtomicLong(), new AtomicLong());
    }
  }

  private final EventQueue queue;
  private final EventCorrelator correlator;
  private final EventSink sink;
  private final long sleepNanos;
  private final RandomGenerator random;
  private final Counters counters;

  /** A writer of what {@code queue} holds to {@code sink}. */
  public SinkWriter(
      EventQueue queue,
      EventCorrelator correlator,
      EventSink sink,
      Duration sleepDuration,
      RandomGenerator random,
      Counters counters) {
    this.queue = queue;
    this.correlator = correlator;
    this.sink = sink;
    this.sleepNanos = sleepDuration.toNanos();
    this.random = random;
    this.counters = counters;
  }

  @Override
  public void run() {
    try {
      while (true) {
        Event e = queue.take();
        if (e == null) {
          break;
        }
        write(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("the event sink ({}) stopped", sink.apiVersion(), e);
    } finally {
      int left = queue.clear();
      if (left > 0) {
        counters.dropped().addAndGet(left);
        log.warn("dropped {} events not written before the broadcaster shut down", left);
      }
    }
  }

  private void write(Event event) {
    EventCorrelator.Result result = correlator.correlate(event);
    Event e = result.event();
    if (result.skip() || e == null) {
      log.trace("spam filter dropped an event about {}", describe(event));
      return;
    }
    int tries = 0;
    while (!writeOnce(e)) {
      tries++;
      if (tries >= MAX_TRIES_PER_EVENT) {
        counters.failed().incrementAndGet();
        log.error("unable to write event about {} (retry limit exceeded)", describe(e));
        return;
      }
      long delay = tries == 1 ? (long) (sleepNanos * random.nextDouble()) : sleepNanos;
      if (queue.isClosing() || !queue.sleep(delay)) {
        counters.failed().incrementAndGet();
        log.error("unable to write event about {} (broadcaster is shut down)", describe(e));
        return;
      }
    }
  }

  /** client-go's {@code recordEvent}: true when written or given up for good, false to retry. */
  private boolean writeOnce(Event e) {
    boolean update = Objects.requireNonNullElse(e.getCount(), 1) > 1;
    try {
      EventSink.Written w = null;
      if (update) {
        try {
          w = sink.patch(e);
        } catch (ApiException ex) {
          // The event may have been deleted meanwhile: create it again.
          if (!Errors.isNotFound(ex)) {
            throw ex;
          }
        }
      }
      if (w == null) {
        e.getMetadata().setResourceVersion(null);
        w = sink.create(e);
      }
      e.getMetadata().setName(w.name());
      e.getMetadata().setResourceVersion(w.resourceVersion());
      correlator.updateState(e);
      counters.written().incrementAndGet();
      return true;
    } catch (ApiException ex) {
      counters.failed().incrementAndGet();
      if (Errors.isAlreadyExists(ex)) {
        log.debug(
            "server rejected event about {} (will not retry): {}", describe(e), ex.toString());
      } else {
        log.error(
            "server rejected event about {} (will not retry): {}", describe(e), ex.toString());
      }
      return true;
    } catch (KubeClientException ex) {
      log.warn("unable to write event about {} (may retry): {}", describe(e), ex.toString());
      return false;
    }
  }

  /** The event's object and reason, for logs; never the message, which may hold anything. */
  static String describe(Event e) {
    ObjectReference o = e.getInvolvedObject();
    String object = o == null ? "?" : o.getKind() + " " + o.getNamespace() + "/" + o.getName();
    return object + " (" + e.getReason() + ")";
  }
}
