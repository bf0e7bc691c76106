package io.kubetel.apiserver;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server's {@code --log-level}: sets the root logger's level, overriding the packaged
 * logback configuration (which reads {@code KUBETEL_LOG_LEVEL}, default INFO). The quiet
 * third-party loggers configured there (Netty, Vert.x, the ClickHouse client) keep their own
 * levels, and the line format stays the same.
 */
enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /** Applies this level to the root logger; a no-op when logback is not the SLF4J binding. */
  void apply() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.toLevel(name()));
    }
  }

  /** The root logger's level now, or null when logback is not the binding. */
  static String current() {
    return LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
            instanceof ch.qos.logback.classic.Logger root
        ? root.getLevel().toString()
        : null;
  }
}
