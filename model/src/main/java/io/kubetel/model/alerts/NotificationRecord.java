package io.kubetel.model.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the notification log: a notification of one rule to one receiver, written as {@code
 * PENDING} before it is sent and {@code SENT} (or {@code FAILED}) after, so a process that dies in
 * between sends it again, once, with the same {@link #id} (the dedup key receivers see).
 *
 * @param namespace the AlertRule's namespace
 * @param rule the AlertRule's name
 * @param receiver the receiver's name within the rule
 * @param id the notification's idempotency key, the same on every attempt
 * @param kind {@code FIRING} or {@code RESOLVED}
 * @param fingerprints the firing series the notification reports (empty for a resolve)
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param detail why it failed ({@code ""} otherwise); never a secret
 * @param time when this row was written
 * @param version strictly increasing, the newest row of an id wins
 */
public record NotificationRecord(
    String namespace,
    String rule,
    String receiver,
    String id,
    Kind kind,
    List<String> fingerprints,
    Status status,
    String detail,
    Instant time,
    long version) {

  /** What the notification says. */
  public enum Kind {
    FIRING,
    RESOLVED
  }

  /** Where its delivery is. */
  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  public NotificationRecord {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    fingerprints = List.copyOf(fingerprints);
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(time, "time");
  }

  /** This notification with another status, at {@code time} and {@code version}. */
  public NotificationRecord with(Status next, String why, Instant at, long nextVersion) {
    return new NotificationRecord(
        namespace, rule, receiver, id, kind, fingerprints, next, why, at, nextVersion);
  }
}
