#!/usr/bin/env bash
# Peer side of the side-by-side benchmark.
#
#   benches/peers/run.sh DIR OUTDIR      install what is missing, then time the peers on DIR
#   benches/peers/run.sh --install-only  only create/update benches/peers/.venv and node_modules
#
# DIR holds the workload files (format: fake_data.py). Writes OUTDIR/peers_ranking.json,
# OUTDIR/peers_lookup.json and OUTDIR/peers_fuzzysort.json. PYTHON picks the interpreter for the
# venv (default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "peers/run.sh: $*" >&2; exit 1; }

install_only=0
args=()
for a in "$@"; do
  case "$a" in
    --install-only) install_only=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$a") ;;
  esac
done
if [[ $install_only -eq 0 && ${#args[@]} -ne 2 ]]; then
  die "usage: run.sh DIR OUTDIR [--install-only]"
fi

# --- Python venv: (re)install only when missing or when requirements.txt / the interpreter changed.
python="${PYTHON:-python3}"
venv="$here/.venv"
stamp="$venv/.requirements.stamp"
command -v "$python" >/dev/null || die "$python not found"
want="$(cat "$here/requirements.txt" <("$python" --version 2>&1) | sha256sum | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  if [[ ! -x "$venv/bin/python" ]]; then
    echo "peers/run.sh: creating $venv" >&2
    "$python" -m venv "$venv" \
      || die "'$python -m venv' failed (on Debian: apt-get install -y python3-venv)"
  fi
  echo "peers/run.sh: pip install -r requirements.txt" >&2
  # Wheels only: building numpy/scipy from source would take far longer than the benchmark.
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
      -r "$here/requirements.txt" \
    || die "pip install -r $here/requirements.txt failed (are there wheels for $("$python" --version 2>&1)?)"
  echo "$want" >"$stamp"
fi

# --- Node: npm ci when node_modules is missing or older than package-lock.json.
command -v node >/dev/null || die "node not found (Node 20 or later is needed)"
command -v npm >/dev/null || die "npm not found"
lock_mark="$here/node_modules/.package-lock.json"
if [[ ! -f "$lock_mark" || "$here/package-lock.json" -nt "$lock_mark" ]]; then
  echo "peers/run.sh: npm ci" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2) \
    || die "npm ci in $here failed"
  touch "$lock_mark"
fi

[[ $install_only -eq 1 ]] && { echo "peers/run.sh: installs are up to date" >&2; exit 0; }

# --- Run the peers, one core each.
dir="${args[0]}"
outdir="${args[1]}"
[[ -f "$dir/meta.json" ]] || die "$dir/meta.json not found"
mkdir -p "$outdir"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
"$venv/bin/python" "$here/ranking.py" "$dir" "$outdir/peers_ranking.json"
"$venv/bin/python" "$here/lookup.py" "$dir" "$outdir/peers_lookup.json"
node --expose-gc "$here/fuzzysort.mjs" "$dir" "$outdir/peers_fuzzysort.json"
echo "peers/run.sh: wrote $outdir/peers_ranking.json, peers_lookup.json, peers_fuzzysort.json" >&2
