package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Treats the JSON nulls of a built-in object as decoding into the Go types and writing them back
 * does: a null leaves the Go field at its zero value, which {@code omitempty} (pointers, slices,
 * maps, scalars) or {@code omitzero} (times, structs) then leaves out, and which a struct held by
 * value writes as {@code {}}. So kubectl's {@code creationTimestamp: null} in a pod template is
 * gone from the stored object, as on a cluster. Uses the Go field flags of {@link ProtoFields}.
 * Stateless and thread-safe.
 */
final class GoJsonNulls {
  private GoJsonNulls() {}

  /** Rewrites the nulls of {@code object}, an object of {@code definition}, in place. */
  static void normalize(String definition, ObjectNode object) {
    normalize(ProtoFields.get().fields(definition), object, 0);
  }

  private static void normalize(
      Map<Integer, ProtoFields.Field> fields, ObjectNode object, int depth) {
    if (depth > 64) {
      return;
    }
    for (ProtoFields.Field f : fields.values()) {
      boolean message = f.kind().equals("msg");
      if (f.inline()) {
        if (message) {
          normalize(ProtoFields.get().fields(f.ref()), object, depth + 1);
        }
        continue;
      }
      JsonNode v = object.get(f.json());
      if (v == null) {
        continue;
      }
      if (v.isNull()) {
        boolean byValue = !f.pointer() && f.container() == ProtoFields.Container.SINGLE;
        if (f.omitZero() || (f.omitEmpty() && !(byValue && message))) {
          object.remove(f.json());
        } else if (byValue && message) {
          object.putObject(f.json());
        }
        continue;
      }
      if (!message) {
        continue;
      }
      Map<Integer, ProtoFields.Field> nested = ProtoFields.get().fields(f.ref());
      switch (f.container()) {
        case SINGLE -> {
          if (v instanceof ObjectNode o) {
            normalize(nested, o, depth + 1);
          }
        }
        case REPEATED, MAP -> {
          for (JsonNode element : v) {
            if (element instanceof ObjectNode o) {
              normalize(nested, o, depth + 1);
            }
          }
        }
      }
    }
  }
}
