package io.kubetel.apiserver.selection;

import io.kubetel.model.filter.FieldKeys;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one resource accepts in selectors: its field-selector keys (an allow-list; anything else is
 * {@code field label not supported}), which label keys map to well-known storage fields, and
 * whether the objects' labels carry every record attribute (so the label selector can be checked
 * exactly in memory) or only the well-known ones.
 */
public final class SelectorVocabulary {

  /** What a field-selector key does. */
  public enum Role {
    /** {@code metadata.name}, matched in memory (or turned into a get). */
    NAME,
    /** {@code metadata.namespace}, narrows the namespace scope. */
    NAMESPACE,
    /** {@code window}: a duration ending at {@code end} (default now). */
    WINDOW,
    /** {@code start}: RFC 3339 window start. */
    START,
    /** {@code end}: RFC 3339 window end. */
    END,
    /** A storage field, pushed down as a {@code FieldFilter} and matched in memory. */
    FILTER
  }

  /** One accepted field-selector key. */
  public record FieldSpec(String key, Role role, String storeKey, ValueRule rule) {}

  public static final String METADATA_NAME = "metadata.name";
  public static final String METADATA_NAMESPACE = "metadata.namespace";
  public static final String WINDOW = "window";
  public static final String START = "start";
  public static final String END = "end";

  private final String resource;
  private final Map<String, FieldSpec> fields;
  private final Map<String, String> labelFields;
  private final Set<String> pushdownLabels;
  private final boolean attributeLabelsExact;

  /** What one item offers a field selector for a single-valued field: none if unset or empty. */
  public static List<String> singleValue(String v) {
    return v == null || v.isEmpty() ? List.of() : List.of(v);
  }

  private SelectorVocabulary(
      String resource,
      Map<String, FieldSpec> fields,
      Map<String, String> labelFields,
      Set<String> pushdownLabels,
      boolean attributeLabelsExact) {
    this.resource = resource;
    this.fields = Map.copyOf(fields);
    this.labelFields = Map.copyOf(labelFields);
    this.pushdownLabels = Set.copyOf(pushdownLabels);
    this.attributeLabelsExact = attributeLabelsExact;
  }

  /** Starts a vocabulary with the keys every resource has (name, namespace, window, start, end). */
  public static Builder builder(String resource) {
    return new Builder(resource);
  }

  public String resource() {
    return resource;
  }

  /** The spec of a field-selector key, if the resource supports it. */
  public Optional<FieldSpec> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** Every supported field-selector key. */
  public Set<String> fieldKeys() {
    return fields.keySet();
  }

  /**
   * The storage field key a label key selects on: the well-known field for mapped labels, else the
   * label key itself as a record attribute key.
   */
  public String storeKeyForLabel(String labelKey) {
    return labelFields.getOrDefault(labelKey, labelKey);
  }

  /**
   * Whether the objects' labels are authoritative for this key, i.e. a requirement on it can be
   * checked exactly in memory. Well-known label keys always are; attribute keys only when the
   * resource copies record attributes into labels.
   */
  public boolean labelExact(String labelKey) {
    if (labelFields.containsKey(labelKey)) {
      return true;
    }
    if (pushdownLabels.contains(labelKey) || labelKey.startsWith(FieldKeys.RESOURCE_PREFIX)) {
      return false;
    }
    return attributeLabelsExact;
  }

  /**
   * Why a label key cannot select this resource: a well-known field key that is neither one of its
   * labels nor pushed down for it (e.g. {@code severity} on metrics). Empty when usable.
   */
  public Optional<String> labelProblem(String labelKey) {
    if (FieldKeys.WELL_KNOWN.contains(labelKey)
        && !labelFields.containsKey(labelKey)
        && !pushdownLabels.contains(labelKey)) {
      return Optional.of(
          "label key \""
              + labelKey
              + "\" does not apply to "
              + resource
              + (labelKey.equals(FieldKeys.NAMESPACE)
                  ? "; use the namespace (-n) or --field-selector metadata.namespace="
                  : ""));
    }
    return Optional.empty();
  }

  /** Builds a vocabulary. */
  public static final class Builder {
    private final String resource;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final Map<String, String> labelFields = new LinkedHashMap<>();
    private final Set<String> pushdownLabels = new HashSet<>();
    private boolean attributeLabelsExact;

    private Builder(String resource) {
      this.resource = resource;
      fields.put(
          METADATA_NAME, new FieldSpec(METADATA_NAME, Role.NAME, null, ValueRules.OBJECT_NAME));
      fields.put(
          METADATA_NAMESPACE,
          new FieldSpec(METADATA_NAMESPACE, Role.NAMESPACE, null, ValueRules.NAMESPACE));
      fields.put(WINDOW, new FieldSpec(WINDOW, Role.WINDOW, null, v -> Optional.empty()));
      fields.put(START, new FieldSpec(START, Role.START, null, v -> Optional.empty()));
      fields.put(END, new FieldSpec(END, Role.END, null, v -> Optional.empty()));
    }

    /** Adds a field-selector key pushed down as storage field {@code storeKey}. */
    public Builder field(String key, String storeKey, ValueRule rule) {
      fields.put(key, new FieldSpec(key, Role.FILTER, storeKey, rule));
      return this;
    }

    /** Maps label key {@code labelKey} to the well-known storage field {@code storeKey}. */
    public Builder label(String labelKey, String storeKey) {
      labelFields.put(labelKey, storeKey);
      return this;
    }

    /**
     * Accepts a well-known field key in label selectors that the objects do not carry as a label
     * (e.g. {@code node}): it is pushed down to storage only.
     */
    public Builder pushdownLabel(String key) {
      pushdownLabels.add(key);
      return this;
    }

    /** Declares that objects carry every (label-valid) record attribute as a label. */
    public Builder attributeLabelsExact(boolean exact) {
      this.attributeLabelsExact = exact;
      return this;
    }

    public SelectorVocabulary build() {
      return new SelectorVocabulary(
          resource, fields, labelFields, pushdownLabels, attributeLabelsExact);
    }
  }
}
