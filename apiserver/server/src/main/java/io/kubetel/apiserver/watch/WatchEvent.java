package io.kubetel.apiserver.watch;

/**
 * One line of a watch stream: {@code ADDED}, {@code MODIFIED}, {@code BOOKMARK} or {@code ERROR}
 * with its object (an object, a one-row Table, or a Status for ERROR).
 */
public record WatchEvent(String type, Object object) {}
