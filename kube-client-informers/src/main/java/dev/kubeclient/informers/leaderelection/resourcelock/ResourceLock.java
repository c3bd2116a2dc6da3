package dev.kubeclient.informers.leaderelection.resourcelock;

/**
 * Where an election keeps its {@link LeaderElectionRecord} (client-go's {@code
 * resourcelock.Interface}). Writes must be optimistic: {@link #update} fails with a Conflict when
 * the record changed since this lock last read or wrote it, which is what keeps two candidates from
 * taking the lease at once.
 *
 * <p>Implementations are used by one {@link dev.kubeclient.informers.leaderelection.LeaderElector}
 * at a time, from one thread at a time; {@link #identity()} and {@link #describe()} may be called
 * from any thread.
 */
public interface ResourceLock {
  /**
   * Reads the record and remembers the object's version for the next {@link #update}.
   *
   * @throws dev.kubeclient.core.errors.NotFoundException when there is no lock object yet
   */
  LeaderElectionRecord get();

  /**
   * Creates the lock object holding {@code record}.
   *
   * @throws dev.kubeclient.core.errors.AlreadyExistsException when another candidate created it
   */
  void create(LeaderElectionRecord record);

  /**
   * Replaces the record, on the condition that the object is unchanged since the last {@link #get},
   * {@link #create} or successful {@code update}.
   *
   * @throws IllegalStateException when neither get nor create has succeeded yet
   * @throws dev.kubeclient.core.errors.ConflictException when the object changed meanwhile
   */
  void update(LeaderElectionRecord record);

  /** Records an event about the lock ("became leader"), when an event recorder is configured. */
  void recordEvent(String message);

  /** The identity of this candidate, unique among all candidates of the election. */
  String identity();

  /** The lock's name for logs, such as {@code kube-system/my-controller}. */
  String describe();
}
