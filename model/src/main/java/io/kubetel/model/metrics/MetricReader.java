package io.kubetel.model.metrics;

import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.util.Optional;

/** Reads metric series; what the API server's metrics handler depends on. */
public interface MetricReader {

  /** Series with at least one point in the window, ordered by (metric name, service, name). */
  Page<MetricSeries> listSeries(ListRequest request);

  /** The series with this object name in the namespace, with its points in the window. */
  Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window);
}
