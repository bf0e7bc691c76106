package io.kubetel.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place kubetel builds its JSON mapper. Every process (API server, operator, tools) and
 * every package shares {@link #mapper()}, so JSON is read and written the same way everywhere:
 * times as RFC 3339 strings, {@code NaN}/{@code Infinity} accepted from ClickHouse, unknown fields
 * tolerated when reading storage. Request bodies that must be exact use {@link #strictReader()}.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectReader STRICT =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** The shared mapper; thread-safe, never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A reader for user-written bodies: unknown fields, nulls for primitives and trailing tokens are
   * errors, so a typo is reported instead of silently dropped.
   */
  public static ObjectReader strictReader() {
    return STRICT;
  }
}
