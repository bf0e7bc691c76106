package io.kubetel.apiserver;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Lets picocli read duration flags ({@code --default-window=15m}) in the one kubetel duration
 * grammar ({@link Durations}); zero is allowed, e.g. for {@code --shutdown-delay=0s}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** The duration {@code value} denotes; picocli reports the error with the flag's name. */
  public static Duration parse(String value) {
    try {
      return Durations.parse(value);
    } catch (InvalidInputException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
