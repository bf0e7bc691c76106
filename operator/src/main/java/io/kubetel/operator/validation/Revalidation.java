package io.kubetel.operator.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.kubetel.crds.common.Condition;
import io.kubetel.model.duration.Durations;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import io.kubetel.operator.conditions.FirstObservation;
import io.kubetel.operator.conditions.KStatus;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.Problem;
import io.kubetel.operator.query.ValidationConditions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile AlertRule and Dashboard share: validate the spec (its queries against the stored
 * data), set {@code Valid}, {@code Ready} and the kstatus {@code Reconciling}/{@code Stalled}
 * ({@link KStatus}), announce a flip of {@code Valid} as an Event, and check again every recheck
 * interval, because the data and Secrets change. When the stored data cannot be read the conditions
 * say so (in words for users; details go to the log) and the check runs again in 30 s. A user error
 * never throws, so it never turns into a retry storm; an object stored without spec is {@code
 * Stalled} and waits for a change.
 */
public final class Revalidation {
  private static final Logger log = LoggerFactory.getLogger(Revalidation.class);

  /** Reason of an object stored without spec. */
  public static final String SPEC_MISSING = "SpecMissing";

  /** How soon a check that could not read the stored data runs again. */
  static final Duration CATALOG_RETRY = Duration.ofSeconds(30);

  private final EventRecorder events;
  private final Clock clock;
  private final Duration recheck;

  public Revalidation(EventRecorder events, Clock clock, Duration recheck) {
    this.events = events;
    this.clock = clock;
    this.recheck = recheck;
  }

  /**
   * How a kind words its conditions.
   *
   * @param subject the object in messages, e.g. "the rule"
   * @param queries its queries in messages, e.g. "the query"
   * @param valid Valid's message when there is no problem
   * @param ready Ready's message when there is no problem
   */
  public record Wording(String subject, String queries, String valid, String ready) {}

  /**
   * What one validation decided.
   *
   * @param conditions the object's conditions now
   * @param generation the generation they describe
   * @param next when to check again; null: only when the object changes
   */
  public record Outcome(List<Condition> conditions, long generation, Duration next) {}

  /**
   * Before a first validation (which may wait for ClickHouse): marks an object without status as
   * being reconciled ({@link FirstObservation}), so GitOps tools do not read it as done.
   */
  public void markIfNew(HasMetadata object, Object status, Context<?> context) {
    FirstObservation.markIfNew(object, status, context, clock);
  }

  /** Validates {@code object}, whose status holds {@code before}, and sets its conditions. */
  public Outcome run(
      HasMetadata object,
      List<Condition> before,
      Supplier<List<Problem>> validation,
      Wording wording) {
    Long generation = object.getMetadata().getGeneration();
    ConditionSet conditions = ConditionSet.from(before, generation, clock);
    conditions.remove(ConditionTypes.STALLED);
    Duration next = recheck;
    try {
      ValidationConditions.apply(
          conditions, validation.get(), wording.subject(), wording.valid(), wording.ready());
    } catch (RuntimeException e) {
      // The data catalog (ClickHouse) could not be read: say so, in words for users (the
      // exception's text, which may name hosts, goes to the log), and check again soon.
      ValidationConditions.catalogUnavailable(
          conditions,
          e,
          "cannot check "
              + wording.queries()
              + " against stored data: "
              + FailureText.storage(e)
              + "; checking again in "
              + Durations.format(CATALOG_RETRY));
      next = CATALOG_RETRY;
      log.warn(
          "event={}_catalog_failed namespace={} name={} error={}",
          object.getKind().toLowerCase(Locale.ROOT),
          object.getMetadata().getNamespace(),
          object.getMetadata().getName(),
          ErrorText.describe(e));
    }
    ValidationConditions.announce(conditions, events, object);
    return new Outcome(
        KStatus.settle(conditions).toList(), generation == null ? 0 : generation, next);
  }

  /**
   * The outcome for an object without spec (stored before the schema required one): {@code
   * Stalled}, {@code Ready=False} and {@code Valid=False}, reason {@code SpecMissing}; it is not
   * checked again until it changes ({@link Outcome#next} is null).
   */
  public Outcome specMissing(HasMetadata object, List<Condition> before, String subject) {
    Long generation = object.getMetadata().getGeneration();
    ConditionSet conditions = ConditionSet.from(before, generation, clock);
    String message = subject + " has no spec: add one (the schema requires it) or delete it";
    conditions.set(ConditionTypes.VALID, false, SPEC_MISSING, message);
    KStatus.stalled(conditions, SPEC_MISSING, message);
    ValidationConditions.announce(conditions, events, object);
    return new Outcome(
        KStatus.settle(conditions).toList(), generation == null ? 0 : generation, null);
  }

  /**
   * Patches the status only when it changed; either way checks again after {@code next} (null: only
   * when the object changes).
   */
  public static <R extends HasMetadata> UpdateControl<R> update(
      R object, boolean changed, Duration next) {
    UpdateControl<R> control =
        changed ? UpdateControl.patchStatus(object) : UpdateControl.noUpdate();
    return next == null ? control : control.rescheduleAfter(next);
  }

  /** Whether two condition lists are the same, transition times and generations included. */
  public static boolean sameConditions(List<Condition> a, List<Condition> b) {
    return ValidationConditions.render(a).equals(ValidationConditions.render(b));
  }
}
