package io.kubetel.alerting.rule;

/** A key of a Secret in the rule's namespace. */
public record SecretRef(String name, String key) {
  @Override
  public String toString() {
    return name + "/" + key; // names only: never a value
  }
}
