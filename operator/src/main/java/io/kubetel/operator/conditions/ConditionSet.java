package io.kubetel.operator.conditions;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place status conditions are built, following the Kubernetes API conventions: one
 * condition per type, {@code lastTransitionTime} changes only when the status changes, and every
 * condition carries the {@code observedGeneration} it was computed from.
 */
public final class ConditionSet {

  private final Map<String, Condition> previous = new LinkedHashMap<>();
  private final Map<String, Condition> current = new LinkedHashMap<>();
  private final Set<String> setHere = new HashSet<>();
  private final long generation;
  private final Clock clock;

  private ConditionSet(List<Condition> existing, long generation, Clock clock) {
    if (existing != null) {
      existing.forEach(c -> previous.put(c.getType(), c));
      current.putAll(previous);
    }
    this.generation = generation;
    this.clock = clock;
  }

  /** Starts from the conditions currently in a status, for an object at {@code generation}. */
  public static ConditionSet from(List<Condition> existing, Long generation, Clock clock) {
    return new ConditionSet(existing, generation == null ? 0 : generation, clock);
  }

  /** Sets condition {@code type} to True or False. */
  public ConditionSet set(String type, boolean status, String reason, String message) {
    return set(type, status ? ConditionStatus.True : ConditionStatus.False, reason, message);
  }

  /** Sets condition {@code type}; keeps its lastTransitionTime when the status is unchanged. */
  public ConditionSet set(String type, ConditionStatus status, String reason, String message) {
    Condition old = previous.get(type);
    String transition =
        old != null && old.getStatus() == status && old.getLastTransitionTime() != null
            ? old.getLastTransitionTime()
            : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    current.put(
        type, new Condition(type, status, reason, truncate(message), generation, transition));
    setHere.add(type);
    return this;
  }

  /** Removes condition {@code type} (an abnormal-true condition that no longer holds). */
  public ConditionSet remove(String type) {
    current.remove(type);
    setHere.remove(type);
    return this;
  }

  /**
   * Whether {@code type} was set through this set, as opposed to carried over from the status it
   * started from: what this reconciliation found, not what an earlier one did.
   */
  public boolean setHere(String type) {
    return setHere.contains(type);
  }

  /** Whether {@code type} changed status (or appeared) compared with the starting conditions. */
  public boolean transitioned(String type) {
    Condition before = previous.get(type);
    Condition now = current.get(type);
    return now != null && (before == null || before.getStatus() != now.getStatus());
  }

  /** The condition of {@code type} as it stands now. */
  public Optional<Condition> get(String type) {
    return Optional.ofNullable(current.get(type));
  }

  /** Whether {@code type} is currently True. */
  public boolean isTrue(String type) {
    return get(type).map(Condition::isTrue).orElse(false);
  }

  /** The conditions, in first-set order. */
  public List<Condition> toList() {
    return new ArrayList<>(current.values());
  }

  /** Finds a condition by type in a status list. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static String truncate(String message) {
    // The CRD caps messages at 32768 characters; stay well below for etcd's sake.
    return message != null && message.length() > 4096
        ? message.substring(0, 4093) + "..."
        : message;
  }
}
