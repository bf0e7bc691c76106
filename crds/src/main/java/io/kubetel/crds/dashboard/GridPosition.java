package io.kubetel.crds.dashboard;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A panel's place on the dashboard grid: 24 columns wide, rows of fixed height. */
@ValidationRule(value = "self.x + self.w <= 24", message = "panel extends past column 24 (x + w)")
public class GridPosition {

  @Required
  @Min(0)
  @Max(23)
  @JsonPropertyDescription("Column of the left edge, 0-23.")
  private Integer x;

  @Required
  @Min(0)
  @Max(1000)
  @JsonPropertyDescription("Row of the top edge, 0 at the top.")
  private Integer y;

  @Required
  @Min(1)
  @Max(24)
  @JsonPropertyDescription("Width in columns, 1-24.")
  private Integer w;

  @Required
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Height in rows, 1-100.")
  private Integer h;

  public GridPosition() {}

  public GridPosition(int x, int y, int w, int h) {
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
  }

  public Integer getX() {
    return x;
  }

  public void setX(Integer x) {
    this.x = x;
  }

  public Integer getY() {
    return y;
  }

  public void setY(Integer y) {
    this.y = y;
  }

  public Integer getW() {
    return w;
  }

  public void setW(Integer w) {
    this.w = w;
  }

  public Integer getH() {
    return h;
  }

  public void setH(Integer h) {
    this.h = h;
  }
}
