package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mute window on the rule: matching series change state and are recorded, but nobody is notified
 * until it ends. A field of the rule (not a separate Silence resource) so muting needs no extra
 * RBAC or CRD and is reviewed and reverted with the rule in Git.
 */
public class AlertSilence {

  @Size(max = 16)
  @JsonPropertyDescription(
      "Series labels that must all match (e.g. http.route: /health); empty mutes every series.")
  private Map<String, String> matchers = new LinkedHashMap<>();

  @JsonPropertyDescription("Start of the window (RFC 3339); defaults to immediately.")
  private String startsAt;

  @Required
  @JsonPropertyDescription("End of the window (RFC 3339); after it notifications resume.")
  private String endsAt;

  @Size(max = 256)
  @JsonPropertyDescription("Why the rule is muted and by whom, e.g. 'planned failover, ana'.")
  private String comment;

  public Map<String, String> getMatchers() {
    return matchers;
  }

  public void setMatchers(Map<String, String> matchers) {
    this.matchers = matchers;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String startsAt) {
    this.startsAt = startsAt;
  }

  public String getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(String endsAt) {
    this.endsAt = endsAt;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
