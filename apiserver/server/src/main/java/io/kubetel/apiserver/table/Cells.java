package io.kubetel.apiserver.table;

import java.math.BigDecimal;
import java.math.MathContext;

/** Cell values for Table rows. */
public final class Cells {
  private static final MathContext SIX_DIGITS = new MathContext(6);

  private Cells() {}

  /** A number rounded to six significant digits for display; null (shown empty) when not finite. */
  public static Double number(Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return null;
    }
    return new BigDecimal(v).round(SIX_DIGITS).doubleValue();
  }

  /** Text cut to {@code max} characters (with an ellipsis) on one line. */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("[\\r\\n\\t]+", " ");
    return line.length() <= max ? line : line.substring(0, max - 3) + "...";
  }
}
