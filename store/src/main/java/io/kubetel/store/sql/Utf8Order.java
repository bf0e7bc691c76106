package io.kubetel.store.sql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, as ClickHouse sorts String columns, so pages merged in Java
 * follow the same order as the keyset conditions evaluated in SQL.
 */
public final class Utf8Order implements Comparator<String> {
  public static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
