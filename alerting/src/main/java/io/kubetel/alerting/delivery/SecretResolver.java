package io.kubetel.alerting.delivery;

import io.kubetel.alerting.rule.SecretRef;
import java.util.Optional;

/**
 * Reads a receiver's Secret key in the rule's namespace: the operator from its labelled-Secret
 * informer, the standalone server from the Secrets in its custom-resources directory. Values are
 * used for one request and never logged.
 */
@FunctionalInterface
public interface SecretResolver {
  Optional<String> value(String namespace, SecretRef ref);
}
