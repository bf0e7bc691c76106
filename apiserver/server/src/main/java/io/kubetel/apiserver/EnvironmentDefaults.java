package io.kubetel.apiserver;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every flag of {@link ApiServerMain} an environment-variable equivalent: {@code
 * --clickhouse-url} is {@code KUBETEL_APISERVER_CLICKHOUSE_URL}. A flag on the command line wins;
 * the variable wins over the built-in default. The API server has its own prefix (the operator's
 * variables are {@code KUBETEL_<FLAG>}) because OLM copies a Subscription's {@code config.env} into
 * every container of the bundle, and the two need different values (e.g. a read-only ClickHouse
 * user for the API server).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  /** Prefix of the API server's variables. */
  static final String PREFIX = "KUBETEL_APISERVER_";

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The variable standing for {@code flag}, e.g. {@code --max-window} → {@code ..._MAX_WINDOW}. */
  static String variable(String flag) {
    return PREFIX + flag.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String value = environment.get(variable(option.longestName()));
    // An empty variable (a blank `value:` in a manifest) means "not set": use the default.
    return value == null || value.isEmpty() ? null : value;
  }
}
