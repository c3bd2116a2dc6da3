package dev.kubeclient.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.kubeclient.core.internal.KubeJsonParser;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.rest.internal.JsonErrors;
import dev.kubeclient.rest.internal.RestErrors;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Watch} over a chunked HTTP response: client-go's {@code StreamWatcher} with the JSON
 * frame decoder. Events are read one JSON object at a time from the body stream with Jackson's
 * incremental parser, so a frame split across chunks or lines is simply read on, and nothing is
 * buffered beyond the event being decoded.
 *
 * <p>Ends quietly (hasNext() false) on everything client-go's StreamWatcher treats as the end of
 * the stream: a clean end, an end in the middle of an event, a dropped connection or reset stream,
 * the client-side deadline, and {@link #close()} (from the watch or its transport). Only an event
 * that cannot be decoded, and a server ERROR event, are thrown.
 *
 * <p>Iteration is confined to one thread; {@link #close()} may come from any thread and makes a
 * blocked read fail, which then ends the watch quietly.
 */
final class StreamingWatch<T> implements Watch<T> {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(StreamingWatch.class);

  private final Response response;
  private final okhttp3.Call call;
  private final ObjectMapper mapper;
  private final Class<T> type;
  private final String verb;
  private final String url;

  /**
   * Created on the first read, not in the constructor: Jackson reads ahead to detect the encoding
   * when a parser is made, which would block {@code watch()} until the first event arrives.
   */
  private @Nullable JsonParser parser;

  private final ObjectReader frameReader;
  private final ObjectReader objectReader;
  private final ObjectReader statusReader;
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable WatchEvent<T> next;
  private boolean done;

  StreamingWatch(
      Response response, okhttp3.Call call, ObjectMapper mapper, Class<T> type, String verb) {
    this.response = response;
    this.call = call;
    this.mapper = mapper;
    this.type = type;
    this.verb = verb;
    this.url = response.request().url().toString();
    this.frameReader =
        mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.objectReader =
        mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.statusReader =
        mapper.readerFor(Status.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      next = readEvent();
    } catch (RuntimeException e) {
      boolean closedMeanwhile = closed.get();
      finish();
      if (closedMeanwhile) {
        // A close() from another thread races this read on the body's buffers: an end, not an
        // error.
        log.debug("watch {} closed during a read: {}", url, e.toString());
        return false;
      }
      throw e;
    }
    if (next == null) {
      finish();
      return false;
    }
    return true;
  }

  @Override
  public boolean isNextBuffered() {
    if (next != null) {
      return true;
    }
    if (done || closed.get()) {
      return false;
    }
    JsonParser p = parser;
    if (p instanceof KubeJsonParser kp && kp.hasBufferedInput()) {
      return true;
    }
    if (p == null) {
      return false;
    }
    // Bytes OkHttp has read from the socket but the parser has not taken yet. Whitespace alone
    // (the newline after an event) is no event: counting it would have the caller wait on the
    // stream with its batch unsent.
    try {
      okio.Buffer buffered = response.body().source().getBuffer();
      long size = buffered.size();
      for (long i = 0; i < size; i++) {
        if (!KubeJsonParser.isWhitespace(buffered.getByte(i))) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public WatchEvent<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("watch ended: " + url);
    }
    WatchEvent<T> e = next;
    next = null;
    return e;
  }

  /**
   * Reads the next frame. The API server writes {@code type} before {@code object}, so the object
   * is normally decoded straight from the stream into {@code T}; a frame with the object first is
   * read as a tree and decoded from it once its type is known.
   */
  private @Nullable WatchEvent<T> readEvent() {
    String typeName = null;
    WatchEvent.Type eventType = null;
    T object = null;
    Status status = null;
    JsonNode objectTree = null;
    boolean sawObject = false;
    try {
      JsonParser parser = this.parser;
      if (parser == null) {
        parser = mapper.createParser(response.body().byteStream());
        this.parser = parser;
      }
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw JsonErrors.decodeError(
            "watch "
                + url
                + ": expected a JSON object at line "
                + parser.currentLocation().getLineNr()
                + ", got "
                + token);
      }
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        if (field.equals("type") && typeName == null) {
          typeName = value == JsonToken.VALUE_STRING ? parser.getText() : "";
          eventType = eventType(typeName);
        } else if (field.equals("object") && !sawObject) {
          sawObject = true;
          if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
          } else if (eventType == null) {
            objectTree = frameReader.readValue(parser);
          } else if (eventType == WatchEvent.Type.ERROR) {
            status = decodeObject(parser, statusReader, typeName);
          } else {
            object = decodeObject(parser, objectReader, typeName);
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonEOFException e) {
      // Go's framer reports this as io.ErrUnexpectedEOF, which ends the watch quietly.
      log.debug("watch {} ended in the middle of an event{}", url, JsonErrors.position(e));
      return null;
    } catch (JsonProcessingException e) {
      if (closed.get()) {
        return null;
      }
      throw JsonErrors.decodeError("watch " + url + ": invalid event JSON", e);
    } catch (InterruptedIOException e) {
      // The client-side deadline passed: like the server's timeout, a normal end.
      log.debug("watch {} ended by its client-side deadline", url);
      return null;
    } catch (IOException e) {
      // A dropped connection, a reset HTTP/2 stream or a close(): as client-go's StreamWatcher,
      // end quietly and let the caller resume from the last resourceVersion it saw.
      if (!closed.get()) {
        log.debug("watch {} ended: {}", url, e.toString());
      }
      return null;
    }
    if (eventType == null) {
      eventType = eventType(typeName == null ? "" : typeName);
    }
    if (!sawObject || (object == null && status == null && objectTree == null)) {
      throw JsonErrors.decodeError("watch " + url + ": " + typeName + " event without an object");
    }
    if (objectTree != null) {
      try {
        if (eventType == WatchEvent.Type.ERROR) {
          status = mapper.treeToValue(objectTree, Status.class);
        } else {
          object = mapper.treeToValue(objectTree, type);
        }
      } catch (JsonProcessingException e) {
        throw objectError(typeName, e);
      }
    }
    if (eventType == WatchEvent.Type.ERROR) {
      throw RestErrors.fromStatus(status, verb, url);
    }
    return new WatchEvent<>(eventType, object);
  }

  private WatchEvent.Type eventType(String typeName) {
    try {
      return WatchEvent.Type.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw JsonErrors.decodeError("watch " + url + ": unknown event type '" + typeName + "'");
    }
  }

  /**
   * Decodes the event's object from the stream; a value that does not fit the type is a decode
   * error of this event, while a broken stream ends the watch as anywhere else in the frame.
   */
  private <V> V decodeObject(JsonParser parser, ObjectReader reader, String typeName)
      throws IOException {
    try {
      return reader.readValue(parser);
    } catch (DatabindException e) {
      throw objectError(typeName, e);
    }
  }

  private RuntimeException objectError(String typeName, JsonProcessingException e) {
    return JsonErrors.decodeError(
        "watch "
            + url
            + ": cannot decode the "
            + typeName
            + " event's object as "
            + type.getSimpleName(),
        e);
  }

  private void finish() {
    done = true;
    close();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      done = true;
      // Cancelling closes the socket (or HTTP/2 stream), which unblocks a read in progress.
      call.cancel();
      try {
        response.close();
      } catch (RuntimeException e) {
        // From another thread, closing drains the body while the reading thread may still be in
        // it; Okio's buffers are not thread-safe and may fail. The call is cancelled either way.
        log.debug("watch {}: closing the response failed after cancelling: {}", url, e.toString());
      }
    }
  }
}
