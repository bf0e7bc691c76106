package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;

/** A subject granted read access to a tenant's telemetry, as in an RBAC RoleBinding. */
@ValidationRule(
    value = "self.kind == 'ServiceAccount' ? has(self.__namespace__) : !has(self.__namespace__)",
    message = "namespace is required for ServiceAccount subjects and not allowed for User or Group")
public class Subject {

  @Required
  @JsonPropertyDescription("Kind of subject: User, Group or ServiceAccount.")
  private SubjectKind kind;

  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Name of the user, group or service account.")
  private String name;

  @Pattern(CrdPatterns.DNS_LABEL)
  @JsonPropertyDescription("Namespace of the service account; only for kind ServiceAccount.")
  private String namespace;

  public Subject() {}

  public Subject(SubjectKind kind, String name, String namespace) {
    this.kind = kind;
    this.name = name;
    this.namespace = namespace;
  }

  public SubjectKind getKind() {
    return kind;
  }

  public void setKind(SubjectKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
