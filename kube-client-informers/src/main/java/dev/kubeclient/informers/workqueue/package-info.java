/**
 * Work queues for controllers, ported from client-go's {@code util/workqueue}.
 *
 * <p>A {@link dev.kubeclient.informers.workqueue.WorkQueue} is:
 *
 * <ul>
 *   <li>Fair: items are processed in the order in which they are added.
 *   <li>Stingy: one item is never processed by two workers at once, and an item added several times
 *       before a worker takes it is processed once.
 *   <li>For many producers and many consumers. An item may be added again while it is being
 *       processed; it is then processed again after the worker is done with it.
 *   <li>Shut down by notification: workers learn from {@code get()} returning {@code null}.
 * </ul>
 *
 * <p>A {@link dev.kubeclient.informers.workqueue.DelayingQueue} adds items after a delay, and a
 * {@link dev.kubeclient.informers.workqueue.RateLimitingQueue} after the delay a {@link
 * dev.kubeclient.informers.workqueue.RateLimiter} chooses: client-go's exponential, fast-slow,
 * token-bucket and max-of limiters are here, and {@link
 * dev.kubeclient.informers.workqueue.RateLimiter#defaultControllerRateLimiter()} combines them as
 * client-go's controllers do. Named queues report client-go's metrics through a {@link
 * dev.kubeclient.informers.workqueue.MetricsProvider}.
 *
 * <p>The canonical controller: event handlers add keys, and each of a few worker threads runs
 *
 * <pre>{@code
 * RateLimitingQueue<String> queue =
 *     RateLimitingQueue.create(QueueConfig.<String>builder().name("deployments").build());
 *
 * void runWorker() throws InterruptedException {
 *   String key;
 *   while ((key = queue.get()) != null) {     // null: the queue was shut down
 *     try {
 *       reconcile(key);
 *       queue.forget(key);                     // success: stop tracking its failures
 *     } catch (RuntimeException e) {
 *       if (queue.numRequeues(key) < 5) {
 *         queue.addRateLimited(key);           // retry later, backing off
 *       } else {
 *         queue.forget(key);                   // give up on it
 *       }
 *     } finally {
 *       queue.done(key);                       // always: lets the key be handed out again
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>and {@code queue.shutDown()} (or {@code shutDownWithDrain()}, which waits for the items in
 * hand) stops the workers. Implementations live in {@code .internal}.
 */
@NullMarked
package dev.kubeclient.informers.workqueue;

import org.jspecify.annotations.NullMarked;
