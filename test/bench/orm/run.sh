#!/usr/bin/env bash
# MikroORM 6.6.16 against 7.2.1 (the newest 7.x whose core, libsql and postgresql packages all
# exist on the registry here) with compare.mjs: each version installed in a directory of its own
# under $BENCH_DIR (default /tmp/orm-bench), never into this project; runs alternate between the
# versions, REPS times per load strategy, on this project's Node 24. With DATABASE_URL (an empty
# database it may fill) also on PostgreSQL. One JSON line per run on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node="$here/../../../node_modules/.bin/node"
base=${BENCH_DIR:-/tmp/orm-bench}
reps=${REPS:-3}

install() {
  local dir=$1
  shift
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private": true, "type": "module"}' >"$dir/package.json"
  (cd "$dir" && npm install --silent --no-audit --no-fund --save-exact "$@" >&2)
  cp "$here/compare.mjs" "$dir/"
}
install "$base/v6" @mikro-orm/core@6.6.16 @mikro-orm/libsql@6.6.16 @mikro-orm/postgresql@6.6.16
install "$base/v7" @mikro-orm/core@7.2.1 @mikro-orm/sql@7.2.1 @mikro-orm/libsql@7.2.1 @mikro-orm/postgresql@7.2.1

databases=(sqlite)
[ -n "${DATABASE_URL:-}" ] && databases+=(postgresql)
for database in "${databases[@]}"; do
  for rep in $(seq "$reps"); do
    for strategy in "" joined select-in; do
      for version in v6 v7; do
        url=""
        [ "$database" = postgresql ] && url=$DATABASE_URL
        (cd "$base/$version" && DATABASE_URL=$url STRATEGY=$strategy "$node" --expose-gc compare.mjs)
      done
    done
  done
done
