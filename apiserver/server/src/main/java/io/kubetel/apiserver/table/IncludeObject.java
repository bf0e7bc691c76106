package io.kubetel.apiserver.table;

import io.kubetel.model.problem.InvalidInputException;

/** The {@code includeObject} query parameter: what each Table row carries in {@code object}. */
public enum IncludeObject {
  /** No object. */
  NONE,
  /** {@code PartialObjectMetadata} (the default; kubectl needs it for -A, --show-labels, -L). */
  METADATA,
  /** The full object ({@code --sort-by} asks for it). */
  OBJECT;

  /** Parses {@code None|Metadata|Object}; absent means Metadata. */
  public static IncludeObject parse(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    return switch (value) {
      case "None" -> NONE;
      case "Metadata" -> METADATA;
      case "Object" -> OBJECT;
      default ->
          throw new InvalidInputException(
              "includeObject \"" + value + "\" must be one of None, Metadata, Object");
    };
  }
}
