#!/usr/bin/env bash
# Signs in to the storefront through the edge as a browser would (curl following the OAuth2
# redirects with a cookie jar) and prints the session cookie, for single-page benchmarks of
# signed-in pages:
#   wrk -t2 -c16 -d20s --latency -H "Cookie: $(bench/signed-in-session.sh)" https://localhost:8443/p/<slug>
# Usage: bench/signed-in-session.sh [email] [password]   (default: the staff account of the run)
set -euo pipefail
home="${BLUEPRINT_HOME:-$(cd "$(dirname "$0")/.." && pwd)/.blueprint}"
base="${BASE_URL:-https://localhost:8443}"
email="${1:-admin@blueprint.shop}"
password="${2:-$(grep '^identity.admin.password=' "$home/secrets.properties" | cut -d= -f2-)}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
# as a browser asks: identity answers a page (or a redirect to one) rather than a 401
accept="Accept: text/html,application/xhtml+xml"
curl=(curl -sS --cacert "$home/edge/tls/ca.crt" -c "$jar" -b "$jar" -L -H "$accept" -o /dev/null)
page="$(curl -sS --cacert "$home/edge/tls/ca.crt" -c "$jar" -b "$jar" -L -H "$accept" "$base/oauth2/authorization/identity")"
csrf="$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')"
"${curl[@]}" --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
  "$base/auth/login"
session="$(awk '$6 == "BP_SESSION" { print $7 }' "$jar" | tail -1)"
[ -n "$session" ] || { echo "no BP_SESSION after signing in as $email" >&2; exit 1; }
echo "BP_SESSION=$session"
