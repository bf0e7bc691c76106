package io.kubetel.apiserver.cache;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates how many bytes of heap a cached result holds, by walking it: records by their
 * components, collections, maps and optionals by their elements, strings by their characters.
 * Approximate on purpose (object headers and references at 64-bit sizes with compressed oops, no
 * sharing detected); it only has to make a 5 MB answer weigh about a thousand times a 5 kB one.
 */
public final class ResultWeigher {
  private static final int OBJECT = 16;
  private static final int REFERENCE = 4;
  private static final int BOXED = 16;
  private static final int INSTANT = 24;

  private ResultWeigher() {}

  /** The approximate size of {@code value} and everything it references. */
  public static long weigh(Object value) {
    long bytes = 0;
    Deque<Object> pending = new ArrayDeque<>();
    push(pending, value);
    while (!pending.isEmpty()) {
      Object v = pending.pop();
      bytes += REFERENCE;
      if (v == null || v instanceof Enum<?> || v instanceof Boolean) {
        continue; // shared instances
      }
      if (v instanceof CharSequence s) {
        bytes += OBJECT + 16L + s.length();
      } else if (v instanceof Number || v instanceof Character) {
        bytes += BOXED;
      } else if (v instanceof TemporalAccessor) {
        bytes += INSTANT;
      } else if (v instanceof Optional<?> o) {
        bytes += OBJECT;
        o.ifPresent(x -> push(pending, x));
      } else if (v instanceof Collection<?> c) {
        bytes += OBJECT + 16L;
        c.forEach(x -> push(pending, x));
      } else if (v instanceof Map<?, ?> m) {
        bytes += OBJECT + 16L + 16L * m.size();
        m.forEach(
            (k, x) -> {
              push(pending, k);
              push(pending, x);
            });
      } else if (v.getClass().isRecord()) {
        bytes += OBJECT;
        for (RecordComponent component : v.getClass().getRecordComponents()) {
          Class<?> type = component.getType();
          if (type.isPrimitive()) {
            bytes += type == long.class || type == double.class ? 8 : 4;
          } else {
            push(pending, read(component, v));
          }
        }
      } else {
        bytes += OBJECT; // an opaque object: counted as a header only
      }
    }
    return bytes;
  }

  private static void push(Deque<Object> pending, Object value) {
    pending.push(value == null ? Optional.empty() : value);
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }
}
