#!/bin/bash
# Container health check without curl or wget (the JRE image has neither): one HTTP/1.0 GET over bash's
# /dev/tcp to the actuator on the management port. Healthy only on "200".
#   HEALTHCHECK_PORT  the management port (set by the Dockerfile from MANAGEMENT_PORT)
#   HEALTHCHECK_PATH  default /actuator/health/readiness
set -u
port="${1:-${HEALTHCHECK_PORT:?HEALTHCHECK_PORT is not set}}"
path="${2:-${HEALTHCHECK_PATH:-/actuator/health/readiness}}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
