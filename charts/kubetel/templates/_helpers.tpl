{{/* Names, labels and images shared by the kubetel chart's templates. */}}

{{- define "kubetel.labels" -}}
app.kubernetes.io/part-of: kubetel
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- if not .Values.olm }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}
{{- end }}

{{- define "kubetel.operator.name" -}}kubetel-operator{{- end }}
{{- define "kubetel.apiserver.name" -}}kubetel-apiserver{{- end }}

{{- define "kubetel.operator.selector" -}}
app.kubernetes.io/name: kubetel-operator
app.kubernetes.io/component: operator
{{- end }}

{{- define "kubetel.apiserver.selector" -}}
app.kubernetes.io/name: kubetel-apiserver
app.kubernetes.io/component: apiserver
{{- end }}

{{/* image: registry prefix, repository, tag defaulting to the chart's appVersion. */}}
{{- define "kubetel.image" -}}
{{- $root := index . 0 -}}{{- $image := index . 1 -}}
{{- $prefix := ternary "" (printf "%s/" $root.Values.imageRegistry) (eq $root.Values.imageRegistry "") -}}
{{- printf "%s%s:%s" $prefix $image.repository (default $root.Chart.AppVersion $image.tag) -}}
{{- end }}

{{/* The service name OLM gives the API server (<deployment>-service); Helm uses the same. */}}
{{- define "kubetel.apiserver.service" -}}kubetel-apiserver-service{{- end }}

{{- define "kubetel.trialClickhouseUrl" -}}
{{- printf "http://kubetel-clickhouse.%s.svc:8123" .Release.Namespace -}}
{{- end }}

{{/* ClickHouse URL of a component: the trial ClickHouse's when enabled, else its own. */}}
{{- define "kubetel.clickhouseUrl" -}}
{{- $root := index . 0 -}}{{- $ch := index . 1 -}}{{- $who := index . 2 -}}
{{- if $root.Values.trialClickhouse.enabled -}}{{ include "kubetel.trialClickhouseUrl" $root }}
{{- else if $ch.url -}}{{ $ch.url }}
{{- else -}}{{ fail (printf "%s.clickhouse.url is required (or trialClickhouse.enabled=true)" $who) }}
{{- end -}}
{{- end }}

{{/* The Secret holding a component's ClickHouse password. */}}
{{- define "kubetel.clickhouseSecret" -}}
{{- $ch := index . 0 -}}{{- $who := index . 1 -}}
{{- default (printf "%s-clickhouse" $who) $ch.existingSecret -}}
{{- end }}

{{/* Restricted pod security: non-root, read-only root file system, no capabilities. No fixed
     UID: the images run as 65532, and platforms that assign UIDs (OpenShift) can. */}}
{{- define "kubetel.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "kubetel.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The Secret holding the API server's serving certificate (tls.crt, tls.key). */}}
{{- define "kubetel.apiserver.tlsSecret" -}}
{{- if eq .Values.apiserver.tls.mode "secret" -}}
{{- required "apiserver.tls.secretName is required with apiserver.tls.mode=secret" .Values.apiserver.tls.secretName -}}
{{- else -}}kubetel-apiserver-tls
{{- end -}}
{{- end }}
