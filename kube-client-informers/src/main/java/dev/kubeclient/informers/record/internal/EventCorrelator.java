package dev.kubeclient.informers.record.internal;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.MicroTime;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.informers.record.CorrelatorOptions;
import dev.kubeclient.typed.api.core.v1.Event;
import dev.kubeclient.typed.api.core.v1.EventSource;
import dev.kubeclient.typed.api.core.v1.ObjectReference;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * client-go's {@code EventCorrelator} ({@code events_cache.go}): filters, aggregates and counts
 * events before they are written, so that a flood of events cannot overwhelm the API server.
 *
 * <ul>
 *   <li>Aggregation: when a source sends {@code maxEvents} events about one object with the same
 *       type and reason but different messages within {@code maxInterval}, the next ones are
 *       replaced by one event whose message says they were combined.
 *   <li>Counting: an event equal to an earlier one (same source, object, type, reason, message) is
 *       not created again; the earlier one's count goes up and it is patched.
 *   <li>Spam filter: a token bucket per source and object lets {@code burstSize} events through,
 *       then one per {@code 1/qps} seconds; the others are dropped (their occurrences still count).
 * </ul>
 *
 * <p>Events are core/v1 Events here whichever API they are written to: {@code count}, {@code
 * firstTimestamp} and {@code lastTimestamp} as client-go's record package keeps them, {@code
 * eventTime} the first occurrence and {@code series.lastObservedTime} this occurrence, to the
 * microsecond. Intervals are measured on the clock's monotonic time. Not thread-safe: the
 * broadcaster uses one on its sink thread.
 */
public final class EventCorrelator {
  /** What to write: {@code event}, created when its count is 1 and patched after; or nothing. */
  public record Result(@Nullable Event event, boolean skip) {}

  /** Aggregation state of one group of similar events. */
  private static final class AggregateRecord {
    final Set<String> localKeys = new LinkedHashSet<>();
    long lastNanos;
  }

  /** What the logger remembers of an event written before. */
  private record Observation(
      int count,
      @Nullable Time firstTimestamp,
      @Nullable MicroTime eventTime,
      @Nullable String name,
      @Nullable String resourceVersion) {}

  private final CorrelatorOptions options;
  private final Clock clock;
  private final LruCache<String, TokenBucket> spamRecords;
  private final LruCache<String, AggregateRecord> aggregates;
  private final LruCache<String, Observation> observations;

  /** A correlator with {@code options}, timed by {@code clock}. */
  public EventCorrelator(CorrelatorOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.spamRecords = new LruCache<>(options.lruCacheSize());
    this.aggregates = new LruCache<>(options.lruCacheSize());
    this.observations = new LruCache<>(options.lruCacheSize());
  }

  /** client-go's {@code EventCorrelate}: aggregate, count, then filter. */
  public Result correlate(Event event) {
    Aggregated a = aggregate(event);
    Event observed = observe(a.event(), a.cacheKey());
    if (filtered(observed)) {
      return new Result(null, true);
    }
    return new Result(observed, false);
  }

  /** Remembers the name and resourceVersion the server gave {@code event}. */
  public void updateState(Event event) {
    observations.put(eventKey(event), observationOf(event));
  }

  private record Aggregated(Event event, String cacheKey) {}

  /** client-go's {@code EventAggregator.EventAggregate}. */
  private Aggregated aggregate(Event event) {
    long nowNanos = clock.nanoTime();
    String eventKey = eventKey(event);
    String aggregateKey = aggregateKey(event);
    String localKey = Objects.requireNonNullElse(event.getMessage(), "");
    AggregateRecord record = aggregates.get(aggregateKey);
    if (record == null || nowNanos - record.lastNanos > options.maxInterval().toNanos()) {
      record = new AggregateRecord();
    }
    record.localKeys.add(localKey);
    record.lastNanos = nowNanos;
    aggregates.put(aggregateKey, record);
    if (record.localKeys.size() < options.maxEvents()) {
      return new Aggregated(event, eventKey);
    }
    // Keep the set from growing past the threshold.
    record.localKeys.remove(record.localKeys.iterator().next());
    Instant now = clock.now();
    ObjectReference involved = event.getInvolvedObject();
    String involvedName =
        involved == null ? "" : Objects.requireNonNullElse(involved.getName(), "");
    Event combined =
        new Event()
            .metadata(
                new ObjectMeta()
                    .name(EventNames.generate(involvedName, now))
                    .namespace(
                        event.getMetadata() == null ? null : event.getMetadata().getNamespace()))
            .count(1)
            .firstTimestamp(Time.of(now))
            .lastTimestamp(Time.of(now))
            .eventTime(MicroTime.of(now))
            .involvedObject(involved)
            .message("(combined from similar events): " + event.getMessage())
            .type(event.getType())
            .reason(event.getReason())
            .source(event.getSource())
            // Not copied by client-go, whose core/v1 events may lack them; events.k8s.io/v1
            // requires them.
            .reportingComponent(event.getReportingComponent())
            .reportingInstance(event.getReportingInstance())
            .action(event.getAction())
            .related(event.getRelated())
            .series(event.getSeries());
    return new Aggregated(combined, aggregateKey);
  }

  /** client-go's {@code eventLogger.eventObserve}: continues the count of an earlier event. */
  private Event observe(Event event, String key) {
    Event copy = event.deepCopy();
    Observation last = observations.get(key);
    if (last != null && last.count() > 0) {
      ObjectMeta meta = copy.getMetadata() == null ? new ObjectMeta() : copy.getMetadata();
      meta.setName(last.name());
      meta.setResourceVersion(last.resourceVersion());
      copy.setMetadata(meta);
      copy.setFirstTimestamp(last.firstTimestamp());
      copy.setEventTime(last.eventTime());
      copy.setCount(last.count() + 1);
    }
    observations.put(key, observationOf(copy));
    return copy;
  }

  /** client-go's {@code EventSourceObjectSpamFilter.Filter}. */
  private boolean filtered(Event event) {
    String key = spamKey(event);
    TokenBucket bucket = spamRecords.get(key);
    if (bucket == null) {
      bucket = new TokenBucket(options.qps(), options.burstSize(), clock);
    }
    boolean filter = !bucket.tryAccept();
    spamRecords.put(key, bucket);
    return filter;
  }

  private static Observation observationOf(Event e) {
    ObjectMeta m = e.getMetadata();
    return new Observation(
        Objects.requireNonNullElse(e.getCount(), 0),
        e.getFirstTimestamp(),
        e.getEventTime(),
        m == null ? null : m.getName(),
        m == null ? null : m.getResourceVersion());
  }

  /** client-go's {@code getEventKey}: source, object, type, reason and message. */
  static String eventKey(Event e) {
    ObjectReference o = involved(e);
    EventSource s = source(e);
    return join(
        s.getComponent(),
        s.getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getFieldPath(),
        o.getUid(),
        o.getApiVersion(),
        e.getType(),
        e.getReason(),
        e.getMessage());
  }

  /** client-go's {@code getSpamKey}: source, object and type. */
  static String spamKey(Event e) {
    ObjectReference o = involved(e);
    EventSource s = source(e);
    return join(
        s.getComponent(),
        s.getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getUid(),
        o.getApiVersion(),
        e.getType());
  }

  /** client-go's {@code EventAggregatorByReasonFunc}: everything but the message. */
  static String aggregateKey(Event e) {
    ObjectReference o = involved(e);
    EventSource s = source(e);
    return join(
        s.getComponent(),
        s.getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getUid(),
        o.getApiVersion(),
        e.getType(),
        e.getReason(),
        e.getReportingComponent(),
        e.getReportingInstance());
  }

  private static ObjectReference involved(Event e) {
    return e.getInvolvedObject() == null ? new ObjectReference() : e.getInvolvedObject();
  }

  private static EventSource source(Event e) {
    return e.getSource() == null ? new EventSource() : e.getSource();
  }

  /** Joins as Go's {@code strings.Join(parts, "")} does, absent parts empty. */
  private static String join(@Nullable String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null) {
        b.append(p);
      }
    }
    return b.toString();
  }
}
