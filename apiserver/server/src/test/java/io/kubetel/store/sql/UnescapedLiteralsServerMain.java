package io.kubetel.store.sql;

import io.kubetel.apiserver.ApiServer;
import io.kubetel.apiserver.ApiServerMain;

/**
 * The production API server with SQL literal escaping switched off: the mutant the hostile-input
 * suite ({@code HostileInputIT}) must catch. Test code only; it lives in the escaper's package to
 * reach its package-private switch.
 */
public final class UnescapedLiteralsServerMain {
  private UnescapedLiteralsServerMain() {}

  public static void main(String[] args) {
    SqlLiteral.escaping = false;
    System.exit(ApiServerMain.run(args, ApiServer.CLICKHOUSE));
  }
}
