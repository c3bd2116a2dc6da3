package dev.kubeclient.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.internal.KubeJsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a list response on several threads while it is still arriving: the calling thread reads
 * the body in chunks and finds the elements of {@code items} with a {@link ListScanner}; each
 * chunk's elements are decoded as one batch by a shared pool of decoder threads, or by the calling
 * thread itself when the pool falls behind, and the list is assembled in order. The list's other
 * fields are decoded from the envelope the scanner leaves.
 *
 * <p>A list is what an informer waits for at start-up, and decoding it is nearly all of a large
 * list call's time; one thread decodes a 6 KB pod in about 15 µs, so 100,000 pods take more than a
 * second and a half. The result is the same list, item for item, as a sequential decode gives.
 *
 * <p>Threads: one pool for the JVM, of one fewer daemon threads than there are processors (at most
 * {@value #MAX_WORKERS}), named {@code kube-client-list-decoder-N}; they end after {@value
 * #KEEP_ALIVE_SECONDS} s without work. On a single processor nothing is decoded in parallel. A
 * caller never waits on the pool for a batch nobody has started: it decodes such batches itself, so
 * that many lists at once (50 informers starting) all make progress.
 *
 * <p>Memory: the body is held only a few chunks at a time ({@value #CHUNK} bytes each, larger when
 * one element is), not whole.
 */
public final class ParallelListDecoder {
  /** The size of the chunks the body is read in, and so of the batches decoded at once. */
  static final int CHUNK = 256 * 1024;

  private static final int MAX_WORKERS = 4;

  private static final int KEEP_ALIVE_SECONDS = 10;

  private static final int WORKERS =
      Math.min(Runtime.getRuntime().availableProcessors() - 1, MAX_WORKERS);

  /** Batches per worker that may wait in the pool before the caller decodes one itself. */
  private static final int AHEAD_PER_WORKER = 2;

  /** What a list class is made of: its items' class, and how to set its items. */
  private record Shape(Class<?> itemType, MethodHandle setItems) {}

  private static final ClassValue<Optional<Shape>> SHAPES =
      new ClassValue<>() {
        @Override
        protected Optional<Shape> computeValue(Class<?> type) {
          return shape(type);
        }
      };

  private static final class Pool {
    static final ThreadPoolExecutor EXECUTOR = executor();

    private static ThreadPoolExecutor executor() {
      ThreadPoolExecutor e =
          new ThreadPoolExecutor(
              Math.max(WORKERS, 1),
              Math.max(WORKERS, 1),
              KEEP_ALIVE_SECONDS,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              new DaemonThreadFactory("kube-client-list-decoder"));
      e.allowCoreThreadTimeOut(true);
      return e;
    }
  }

  private ParallelListDecoder() {}

  /**
   * Whether lists of {@code type} are decoded here: a class implementing {@link
   * KubernetesListObject} with its item class and a public {@code setItems(List)}, on a machine
   * with more than one processor.
   */
  public static boolean applies(Class<?> type) {
    return WORKERS > 0 && SHAPES.get(type).isPresent();
  }

  private static Optional<Shape> shape(Class<?> type) {
    if (!KubernetesListObject.class.isAssignableFrom(type)
        || !Modifier.isPublic(type.getModifiers())) {
      return Optional.empty();
    }
    Class<?> item = itemType(type);
    if (item == null) {
      return Optional.empty();
    }
    try {
      MethodHandle setter =
          MethodHandles.publicLookup().unreflect(type.getMethod("setItems", List.class));
      return Optional.of(new Shape(item, setter));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return Optional.empty();
    }
  }

  /** The class {@code type} binds KubernetesListObject's item type to, or null. */
  private static @Nullable Class<?> itemType(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p
            && p.getRawType() == KubernetesListObject.class
            && p.getActualTypeArguments()[0] instanceof Class<?> item) {
          return item;
        }
      }
    }
    return null;
  }

  /**
   * Decodes the list of {@code type} that {@code in} holds, or returns null when it holds nothing
   * but whitespace. {@code in} is read to its end and not closed.
   *
   * @throws JsonProcessingException when the body is malformed or does not fit {@code type}; for an
   *     element of items, its path starts with {@code items} and the element's index
   * @throws IOException when reading {@code in} fails
   */
  public static <T> @Nullable T decode(ObjectMapper mapper, InputStream in, Class<T> type)
      throws IOException {
    return decode(mapper, in, type, CHUNK);
  }

  /** {@link #decode(ObjectMapper, InputStream, Class)} in chunks of {@code chunkSize} bytes. */
  static <T> @Nullable T decode(ObjectMapper mapper, InputStream in, Class<T> type, int chunkSize)
      throws IOException {
    Shape shape = SHAPES.get(type).orElseThrow(() -> new IllegalArgumentException(type + ""));
    ListDecode list = new ListDecode(mapper.readerFor(shape.itemType()), type, chunkSize);
    ListScanner scanner = new ListScanner();
    List<Batch> batches = new ArrayList<>();
    boolean complete = false;
    try {
      byte[] chunk = new byte[chunkSize];
      int filled = 0;
      int oldest = 0;
      while (true) {
        int n = in.read(chunk, filled, chunk.length - filled);
        if (n < 0) {
          break;
        }
        scanner.scan(chunk, filled, filled + n);
        filled += n;
        if (filled < chunk.length) {
          continue;
        }
        addBatch(batches, chunk, scanner, list, true);
        int open = scanner.openElementStart();
        int keep = open < 0 ? 0 : filled - open;
        byte[] next = 2 * keep > chunkSize ? new byte[2 * keep] : list.free.poll();
        if (next == null) {
          next = new byte[chunkSize];
        }
        if (open >= 0) {
          System.arraycopy(chunk, open, next, 0, keep);
          scanner.rebase(-open);
        }
        chunk = next;
        filled = keep;
        oldest = help(batches, oldest);
      }
      byte[] envelope = scanner.finish();
      if (!scanner.sawContent()) {
        complete = true;
        return null;
      }
      addBatch(batches, chunk, scanner, list, false);
      for (Batch b : batches) {
        b.tryRun();
      }
      T result = mapper.readValue(envelope, type);
      if (scanner.splitItems()) {
        List<Object> items = new ArrayList<>(scanner.elements());
        for (Batch b : batches) {
          b.collectInto(items);
        }
        setItems(shape, result, items);
      }
      complete = true;
      return result;
    } finally {
      if (!complete) {
        // Batches not yet started are dropped: nobody will take their results.
        for (Batch b : batches) {
          b.claimed.set(true);
        }
      }
    }
  }

  /**
   * Makes a batch of the elements the scanner completed in {@code chunk}, if any, and hands it to
   * the pool unless it is the last, which the caller decodes itself.
   */
  private static void addBatch(
      List<Batch> batches, byte[] chunk, ListScanner scanner, ListDecode list, boolean toPool) {
    int[] ranges = scanner.takeRanges();
    if (ranges.length == 0) {
      return;
    }
    int first = scanner.elements() - ranges.length / 2;
    Batch b = new Batch(list, chunk, ranges, first);
    batches.add(b);
    if (toPool) {
      Pool.EXECUTOR.execute(b);
    }
  }

  /** What the batches of one list share. */
  private static final class ListDecode {
    final ObjectReader reader;
    // What follows an element is the next one's comma, not the end of the input.
    final ObjectReader elementReader;
    final Class<?> listType;
    final int chunkSize;
    // Chunks whose batch is decoded, for reuse: a list's chunks add up to its whole body.
    final Queue<byte[]> free = new ConcurrentLinkedQueue<>();

    ListDecode(ObjectReader reader, Class<?> listType, int chunkSize) {
      this.reader = reader;
      this.elementReader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      this.listType = listType;
      this.chunkSize = chunkSize;
    }
  }

  /**
   * Decodes the oldest batches nobody has started while more of them wait than the pool keeps
   * ahead; returns the new index of the oldest batch that may be waiting.
   */
  private static int help(List<Batch> batches, int oldest) {
    int o = oldest;
    while (o < batches.size()) {
      Batch b = batches.get(o);
      if (b.claimed.get()) {
        o++;
      } else if (batches.size() - o > WORKERS * AHEAD_PER_WORKER) {
        b.tryRun();
        o++;
      } else {
        break;
      }
    }
    return o;
  }

  private static void setItems(Shape shape, Object list, List<Object> items) throws IOException {
    try {
      shape.setItems().invoke(list, items);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("cannot set the items of " + list.getClass().getName(), e);
    }
  }

  /** The elements of items that one chunk completed, decoded by whichever thread claims them. */
  private static final class Batch implements Runnable {
    final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final ListDecode list;
    private final int[] ranges;
    private final int first;
    // Dropped once decoded, so that the chunk's bytes go while the list is still arriving.
    private byte @Nullable [] buf;
    private Object @Nullable [] results;
    private @Nullable Throwable failure;

    Batch(ListDecode list, byte[] buf, int[] ranges, int first) {
      this.list = list;
      this.buf = buf;
      this.ranges = ranges;
      this.first = first;
    }

    @Override
    public void run() {
      tryRun();
    }

    void tryRun() {
      if (claimed.compareAndSet(false, true)) {
        try {
          results = decodeAll();
        } catch (Throwable t) {
          failure = t;
        } finally {
          byte[] b = buf;
          buf = null;
          if (b != null && b.length == list.chunkSize) {
            list.free.offer(b);
          }
          done.countDown();
        }
      }
    }

    // One parser for the batch, moved from element to element: a parser per element cost a
    // tenth of a list's allocations (the parser and its chain of nesting contexts).
    private Object[] decodeAll() throws IOException {
      byte[] b = buf;
      int n = ranges.length / 2;
      Object[] out = new Object[n];
      int from = ranges[0];
      try (JsonParser p =
          list.reader.getFactory().createParser(b, from, ranges[n * 2 - 1] - from)) {
        KubeJsonParser shared = p instanceof KubeJsonParser kp ? kp : null;
        for (int k = 0; k < n; k++) {
          int start = ranges[2 * k];
          int end = ranges[2 * k + 1];
          try {
            if (shared != null && (b[start] == '{' || b[start] == '[')) {
              shared.moveToValueAt(start);
              out[k] = list.elementReader.readValue(shared);
              if (shared.inputOffset() != end) {
                throw new JsonParseException(shared, "an element that ends where its brackets do");
              }
            } else {
              // Jackson wants whitespace after a root-level number; alone, it ends the input.
              out[k] = list.reader.readValue(b, start, end - start);
            }
          } catch (JsonProcessingException e) {
            throw atItem(e, first + k);
          }
        }
      }
      return out;
    }

    /**
     * The failure of element {@code index}, its path prefixed as a sequential decode would have it,
     * without a location: that would be an offset into a chunk, not into the response.
     */
    private JsonMappingException atItem(JsonProcessingException e, int index) {
      JsonMappingException located =
          new JsonMappingException(
              null,
              e instanceof JsonMappingException
                  ? e.getOriginalMessage()
                  : "malformed JSON in an element of items");
      if (e instanceof JsonMappingException m) {
        List<JsonMappingException.Reference> path = m.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
          located.prependPath(path.get(i));
        }
      }
      located.prependPath(new JsonMappingException.Reference(ArrayList.class, index));
      located.prependPath(new JsonMappingException.Reference(list.listType, "items"));
      return located;
    }

    /** Waits for the batch to be decoded and adds its elements, or throws its failure. */
    void collectInto(List<Object> items) throws IOException {
      try {
        // Only a wait is interrupted: a batch already decoded is collected whatever the flag.
        if (done.getCount() > 0) {
          done.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while decoding a list");
      }
      Throwable f = failure;
      if (f instanceof IOException io) {
        throw io;
      }
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error err) {
        throw err;
      }
      for (Object o : results) {
        items.add(o);
      }
    }
  }
}
