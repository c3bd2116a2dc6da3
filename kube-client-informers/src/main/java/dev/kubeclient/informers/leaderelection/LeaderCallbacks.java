package dev.kubeclient.informers.leaderelection;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.function.Consumer;

/**
 * What a {@link LeaderElector} calls as its leadership changes (client-go's {@code
 * LeaderCallbacks}). Callbacks must not throw; what they throw is logged.
 */
public interface LeaderCallbacks {
  /**
   * Called on a thread of its own (from the config's thread factory: {@code
   * kube-leader-election-<name>-<n>} by default) when this candidate starts leading. Do the
   * leader's work here until {@code context} is cancelled; the thread is interrupted at
   * cancellation. With {@code releaseOnCancel}, the lease is released only after this method has
   * returned.
   */
  void onStartedLeading(LeadingContext context);

  /**
   * Called on the elector's thread when {@link LeaderElector#run()} ends, whether or not this
   * candidate ever led (as in client-go: do not assume onStartedLeading came first).
   */
  void onStoppedLeading();

  /**
   * Called, in order, on a notification thread from the config's thread factory when this candidate
   * sees a leader other than the one it saw last, including the first it sees and the empty
   * identity of a released lease.
   */
  default void onNewLeader(String identity) {}

  /** Callbacks from two functions. */
  static LeaderCallbacks of(Consumer<LeadingContext> onStartedLeading, Runnable onStoppedLeading) {
    return of(onStartedLeading, onStoppedLeading, identity -> {});
  }

  /** Callbacks from three functions. */
  static LeaderCallbacks of(
      Consumer<LeadingContext> onStartedLeading,
      Runnable onStoppedLeading,
      Consumer<String> onNewLeader) {
    checkNotNull(onStartedLeading, "onStartedLeading");
    checkNotNull(onStoppedLeading, "onStoppedLeading");
    checkNotNull(onNewLeader, "onNewLeader");
    return new LeaderCallbacks() {
      @Override
      public void onStartedLeading(LeadingContext context) {
        onStartedLeading.accept(context);
      }

      @Override
      public void onStoppedLeading() {
        onStoppedLeading.run();
      }

      @Override
      public void onNewLeader(String identity) {
        onNewLeader.accept(identity);
      }
    };
  }
}
