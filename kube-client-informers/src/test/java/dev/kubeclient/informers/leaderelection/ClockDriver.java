package dev.kubeclient.informers.leaderelection;

import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves a {@link FakeClock} forward by {@code step} about every {@code pause} of real time on a
 * thread of its own, so that code waiting on the clock runs at many times real speed. The pause
 * only paces the clock; tests wait for outcomes, never for time.
 */
final class ClockDriver implements AutoCloseable {
  private final FakeClock clock;
  private final Duration step;
  private final Duration pause;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean paused;

  ClockDriver(FakeClock clock, Duration step, Duration pause) {
    this.clock = clock;
    this.step = step;
    this.pause = pause;
    this.thread = new Thread(this::loop, "test-clock-driver");
    thread.setDaemon(true);
  }

  ClockDriver start() {
    thread.start();
    return this;
  }

  /** Stops or resumes moving the clock. */
  void pause(boolean pause) {
    this.paused = pause;
  }

  private void loop() {
    while (!stopped) {
      if (!paused) {
        clock.advance(step);
      }
      LockSupport.parkNanos(pause.toNanos());
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join();
  }
}
