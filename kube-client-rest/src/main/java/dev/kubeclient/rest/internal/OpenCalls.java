package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Tracks every call of a transport from its start until its response body is closed, so that
 * closing the transport can cancel them all. OkHttp's dispatcher forgets a synchronous call as soon
 * as {@code execute()} returns its response, although a watch or a followed log is still reading
 * that response's body; cancelling the call closes the socket (HTTP/1.1) or resets the stream
 * (HTTP/2), which makes a blocked read fail at once.
 *
 * <p>Safe for concurrent use. Once {@link #cancelAll()} has run, calls that start later are
 * cancelled as they start.
 */
public final class OpenCalls extends EventListener {
  /** Calls started and not yet ended or failed. */
  private final Set<Call> calls = ConcurrentHashMap.newKeySet();

  private volatile boolean closed;

  @Override
  public void callStart(Call call) {
    calls.add(call);
    // Checked after adding: either cancelAll() sees the call, or the call sees the flag.
    if (closed) {
      call.cancel();
    }
  }

  @Override
  public void callEnd(Call call) {
    calls.remove(call);
  }

  @Override
  public void callFailed(Call call, IOException ioe) {
    calls.remove(call);
  }

  /** Cancels every open call and every call that starts from now on. */
  public void cancelAll() {
    closed = true;
    for (Call c : calls) {
      c.cancel();
    }
  }

  /** How many calls are open: started, and their response not yet closed. */
  public int size() {
    return calls.size();
  }
}
