#!/usr/bin/env bash
# Serves one published article page from Feedwerk and the same HTML as a static file from nginx on this machine,
# loads both with wrk and prints Feedwerk's throughput as a ratio of nginx's, with p99 latencies.
# Needs Debian's wrk and nginx (apt-get install -y wrk nginx). Run from the repository root:
#   bench/page-throughput.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d)
stop() {
  if [ -f "$work/feedwerk.pid" ]; then
    pid=$(cat "$work/feedwerk.pid")
    pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do pgrep -f "feedwerk.jar run --config $work" >/dev/null || break; sleep 1; done
  fi
  nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
mkdir -p "$work/inbox" "$work/www"
# A German article needs no engine: it is published as its own translation.
cat > "$work/inbox/story.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "language": "de", "items": [{"id": "bench-1",
 "url": "https://bench.example.org/1", "title": "Hafenbehörde genehmigt neues Fährterminal in Lindholm",
 "summary": "Das Terminal soll 2028 eröffnet werden.",
 "content_html": "<p>Die Hafenbehörde hat am Sonntag das neue Fährterminal am Nordkai genehmigt. Damit endet ein fast vier Jahre dauernder Streit.</p><p>Das Terminal soll 2028 eröffnet werden und bis zu 1.200 Fahrgäste pro Stunde abfertigen.</p><h2>Bedenken der Anwohner</h2><p>Anwohner der Altstadt hatten gegen den zusätzlichen Verkehr protestiert. Der genehmigte Plan sieht eine Busspur und einen Radweg vor.</p>"}]}
JSON
touch -d '1 minute ago' "$work/inbox/story.json"
cat > "$work/feedwerk.yml" <<YAML
server: { port: 18181 }
dataDir: $work/data
sources:
  - id: bench
    dir: $work/inbox
    language: de
    interval: 10s
translation: { targets: [de] }
YAML
FEEDWERK_LOG_LEVEL=WARN ./feedwerk run --config "$work/feedwerk.yml" > "$work/feedwerk.log" 2>&1 &
echo $! > "$work/feedwerk.pid"
path=""
for _ in $(seq 1 60); do
  path=$( (curl -s "http://127.0.0.1:18181/api/articles" || true) | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
  [ -n "$path" ] && break
  sleep 1
done
[ -n "$path" ] || { echo "article was not published"; cat "$work/feedwerk.log"; exit 1; }
curl -s "http://127.0.0.1:18181$path" > "$work/www/index.html"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  server { listen 127.0.0.1:18182; root $work/www; location / { try_files /index.html =404; } }
}
NGINX
nginx -c "$work/nginx.conf"
sleep 1
run() { wrk -t2 -c32 -d"${DURATION:-15}s" --latency "$1"; }
run "http://127.0.0.1:18181$path" > /dev/null   # warm-up of the JVM
feedwerk=$(run "http://127.0.0.1:18181$path")
nginx_out=$(run "http://127.0.0.1:18182/")
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { echo "$1" | awk '$1=="99%" {print $2}'; }
echo "page: $path ($(wc -c < "$work/www/index.html") bytes)"
echo "feedwerk: $(rps "$feedwerk") requests/s, p99 $(p99 "$feedwerk")"
echo "nginx:    $(rps "$nginx_out") requests/s, p99 $(p99 "$nginx_out")"
awk -v f="$(rps "$feedwerk")" -v n="$(rps "$nginx_out")" 'BEGIN { printf "ratio feedwerk / nginx throughput: %.2f (target >= 0.7)\n", f / n }'
