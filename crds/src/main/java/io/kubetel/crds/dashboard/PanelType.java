package io.kubetel.crds.dashboard;

/** Panel visualisations. */
public enum PanelType {
  TimeSeries,
  Stat,
  Table,
  TraceList,
  LogList
}
