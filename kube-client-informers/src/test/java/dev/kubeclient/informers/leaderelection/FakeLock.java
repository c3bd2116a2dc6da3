package dev.kubeclient.informers.leaderelection;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.informers.leaderelection.resourcelock.LeaderElectionRecord;
import dev.kubeclient.informers.leaderelection.resourcelock.ResourceLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory lock with optimistic concurrency: a {@link Store} holds the record and a version,
 * each {@link FakeLock} remembers the version it last read or wrote. Failures and hangs can be
 * scripted per operation.
 */
final class FakeLock implements ResourceLock {
  /** The shared object several candidates' locks point at. */
  static final class Store {
    /** One operation: its name, the clock time it started, whether it succeeded. */
    record Op(String name, long nanos, boolean ok) {}

    private final Clock clock;
    private @Nullable LeaderElectionRecord record;
    private int version;
    private final List<Op> operations = new ArrayList<>();
    private final List<String> failingOps = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private volatile @Nullable CountDownLatch hang;
    private volatile boolean failAll;

    Store(Clock clock) {
      this.clock = clock;
    }

    synchronized @Nullable LeaderElectionRecord record() {
      return record;
    }

    synchronized int version() {
      return version;
    }

    /** Writes the record as an outsider (another candidate or a user) would. */
    synchronized void set(LeaderElectionRecord r) {
      record = r;
      version++;
    }

    /** Changes the record as an outsider. */
    synchronized void change(UnaryOperator<LeaderElectionRecord> f) {
      set(f.apply(record));
    }

    synchronized List<Op> operations() {
      return List.copyOf(operations);
    }

    synchronized List<String> names() {
      return operations.stream().map(Op::name).toList();
    }

    synchronized long count(String op) {
      return operations.stream().filter(o -> o.name().equals(op)).count();
    }

    /** The start time of the last successful operation named {@code op}. */
    synchronized long lastSuccess(String op) {
      for (int i = operations.size() - 1; i >= 0; i--) {
        Op o = operations.get(i);
        if (o.name().equals(op) && o.ok()) {
          return o.nanos();
        }
      }
      throw new AssertionError("no successful " + op);
    }

    /** The next operation named {@code op} fails with {@code e}. */
    synchronized void failNext(String op, RuntimeException e) {
      failingOps.add(op);
      failures.add(e);
    }

    /** Every operation from now on fails (or, false, stops failing). */
    void failAll(boolean fail) {
      failAll = fail;
    }

    /** Every operation from now on blocks until the latch opens. */
    void hang(@Nullable CountDownLatch latch) {
      hang = latch;
    }

    /** Starts an operation: hangs or fails it as scripted, else logs it as successful. */
    private void enter(String op) {
      long start = clock.nanoTime();
      CountDownLatch h = hang;
      if (h != null) {
        try {
          h.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while hanging", e);
        }
      }
      synchronized (this) {
        RuntimeException failure = null;
        if (failAll) {
          failure = status(500, "InternalError");
        } else {
          int i = failingOps.indexOf(op);
          if (i >= 0) {
            failingOps.remove(i);
            failure = failures.remove(i);
          }
        }
        operations.add(new Op(op, start, failure == null));
        if (failure != null) {
          throw failure;
        }
      }
    }

    /** Marks the last operation failed (a conflict found after entering). */
    private synchronized void lastFailed() {
      Op o = operations.remove(operations.size() - 1);
      operations.add(new Op(o.name(), o.nanos(), false));
    }
  }

  static ApiException status(int code, String reason) {
    return ApiException.fromStatus(new Status().code(code).reason(reason).message(reason));
  }

  private final Store store;
  private final String identity;
  private int version = -1;

  FakeLock(Store store, String identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public LeaderElectionRecord get() {
    store.enter("get");
    synchronized (store) {
      if (store.record == null) {
        store.lastFailed();
        throw status(404, "NotFound");
      }
      version = store.version;
      return store.record;
    }
  }

  @Override
  public void create(LeaderElectionRecord record) {
    store.enter("create");
    synchronized (store) {
      if (store.record != null) {
        store.lastFailed();
        throw status(409, "AlreadyExists");
      }
      store.record = record;
      store.version++;
      version = store.version;
    }
  }

  @Override
  public void update(LeaderElectionRecord record) {
    store.enter("update");
    synchronized (store) {
      if (version < 0) {
        throw new IllegalStateException("not initialized");
      }
      if (version != store.version) {
        store.lastFailed();
        throw status(409, "Conflict");
      }
      store.record = record;
      store.version++;
      version = store.version;
    }
  }

  @Override
  public void recordEvent(String message) {}

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public String describe() {
    return "fake/lock";
  }
}
