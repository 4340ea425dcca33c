{{/* Chart name, overridable with nameOverride. */}}
{{- define "media-platform.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Release-qualified name; the release name alone when it already contains the chart name. */}}
{{- define "media-platform.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end }}

{{/* Name of one app's objects: <fullname>-<app>. Call with (dict "root" $ "app" "<name>"). */}}
{{- define "media-platform.appFullname" -}}
{{- printf "%s-%s" (include "media-platform.fullname" .root | trunc 45 | trimSuffix "-") .app | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "media-platform.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Labels of every object of the release. */}}
{{- define "media-platform.labels" -}}
helm.sh/chart: {{ include "media-platform.chart" . }}
app.kubernetes.io/name: {{ include "media-platform.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: media-platform
{{- end }}

{{/* Selector labels of one app. Call with (dict "root" $ "app" "<name>"). */}}
{{- define "media-platform.appSelectorLabels" -}}
app.kubernetes.io/name: {{ include "media-platform.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{/* All labels of one app's objects. Call with (dict "root" $ "app" "<name>"). */}}
{{- define "media-platform.appLabels" -}}
{{ include "media-platform.labels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{- define "media-platform.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end }}

{{- define "media-platform.configMapName" -}}
{{- printf "%s-config" (include "media-platform.fullname" .) -}}
{{- end }}

{{- define "media-platform.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-secrets" (include "media-platform.fullname" .)) -}}
{{- end }}

{{/* An env value as a string: whole numbers without exponent notation, everything else as is. */}}
{{- define "media-platform.envValue" -}}
{{- if kindIs "float64" . -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end }}

{{/* Data of the shared ConfigMap: `config` (empty values left out) + SHUTDOWN_TIMEOUT_MS. */}}
{{- define "media-platform.configData" -}}
{{- range $key, $value := (.Values.config | default dict) }}
{{- if eq $key "SHUTDOWN_TIMEOUT_MS" }}
{{- fail "set shutdown.timeoutMs instead of config.SHUTDOWN_TIMEOUT_MS" }}
{{- end }}
{{- if and (not (kindIs "invalid" $value)) (ne (toString $value) "") }}
{{ $key }}: {{ include "media-platform.envValue" $value | quote }}
{{- end }}
{{- end }}
SHUTDOWN_TIMEOUT_MS: {{ include "media-platform.envValue" .Values.shutdown.timeoutMs | quote }}
{{- end }}

{{/* Data of the shared Secret: `secrets` (empty values left out); `requiredSecrets` must be set. */}}
{{- define "media-platform.secretData" -}}
{{- $secrets := .Values.secrets | default dict }}
{{- range $key := (.Values.requiredSecrets | default list) }}
{{- $value := index $secrets $key }}
{{- if or (kindIs "invalid" $value) (eq (toString $value) "") }}
{{- fail (printf "secrets.%s is required (or set existingSecret to a Secret that holds it)" $key) }}
{{- end }}
{{- end }}
{{- range $key, $value := $secrets }}
{{- if and (not (kindIs "invalid" $value)) (ne (toString $value) "") }}
{{ $key }}: {{ include "media-platform.envValue" $value | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Env entries of one app's container: APP, its port variable, METRICS_PORT (apps with a
`metricsPort`), DB_MIGRATE_ON_BOOT=false (migrations run in the hook Job) and the app's own `env`
(empty values left out).
Call with (dict "root" $ "name" "<app>" "app" <the app's values>).
*/}}
{{- define "media-platform.appEnv" -}}
{{- $app := .app }}
{{- $portEnv := $app.portEnv | default "HTTP_PORT" }}
- name: APP
  value: {{ .name | quote }}
- name: {{ $portEnv }}
  value: {{ include "media-platform.envValue" $app.port | quote }}
- name: DB_MIGRATE_ON_BOOT
  value: "false"
{{- with $app.metricsPort }}
- name: METRICS_PORT
  value: {{ include "media-platform.envValue" . | quote }}
{{- end }}
{{- range $key, $value := ($app.env | default dict) }}
{{- if has $key (list "APP" "DB_MIGRATE_ON_BOOT" "SHUTDOWN_TIMEOUT_MS" "METRICS_PORT" $portEnv) }}
{{- fail (printf "apps.%s.env.%s is set by the chart; use the dedicated value instead" $.name $key) }}
{{- else if and (not (kindIs "invalid" $value)) (ne (toString $value) "") }}
- name: {{ $key }}
  value: {{ include "media-platform.envValue" $value | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* The container port serving one app's /metrics: `metricsPort` if it has one, else `port`. */}}
{{- define "media-platform.metricsPort" -}}
{{- include "media-platform.envValue" (.metricsPort | default .port) -}}
{{- end }}
