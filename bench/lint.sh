#!/usr/bin/env bash
# bench/lint.sh - bk-lint against Redocly CLI and Spectral on the same specs.
#
#   bench/lint.sh [--bk PATH] [--runs R] [--stripe] [--no-owasp]
#                                          (defaults: bk-lint, 1 run)
#
# Inputs: GitHub's REST description (@octokit/openapi@23.0.2,
# generated/api.github.com.json, 13 MB, fetched into the corpus cache by
# utils/openapi-corpus.py --fetch-only) and, with --stripe, a Stripe-size
# description written by bench/gen-openapi.py (--resources 1000 --format
# json: about 7 MB, 5,000 operations). For each input, alternately R times:
#   bk-lint FILE                          (--bk; bk-opt FILE -o /dev/null
#                                          stands in until bk-lint is built)
#   redocly lint FILE                     recommended ruleset
#   spectral lint FILE -r oas.yaml        extends: ["spectral:oas"]
#   spectral lint FILE -r owasp.yaml      spectral:oas + the OWASP ruleset
# each under /usr/bin/time -f "%U %S %M": CPU = user + sys, peak RSS. Prints a
# table (median CPU and peak RSS over the runs, exit status, CPU ratio
# peer/bk) and, last, one line per input
#   lint (github): bk X CPU-s, redocly Y (ratio Y/X), spectral Z (ratio Z/X), ...
# Exit statuses 0 and 1 (findings) count as a run; so does bk's 2, which
# bk-opt gives for descriptions with errors (GitHub's examples), after
# reading and checking the whole file. Any other status stops the bench.
#
# Peers come from the npm registry, pinned (@redocly/cli@2.77.0,
# @stoplight/spectral-cli@6.16.3, @stoplight/spectral-owasp-ruleset@2.0.1),
# each installed once into ${BK_BENCH_CACHE:-~/.cache/bk-bench}; --no-owasp
# skips the OWASP line, which says "failed" when that ruleset stops Spectral
# (2.0.1, the only release, does on GitHub's description: a JSONPath filter
# calls @.match() on `name`, which is a schema object under GitHub's
# `parameters` properties: "jsonPath: func is not a function"). Uses the bk
# tools in $BK_BUILD_DIR/bin, build/bin or ../build/bin (first that exists).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=1
stripe=
owasp=1
bk=
redocly_version=2.77.0
spectral_version=6.16.3
owasp_version=2.0.1

usage() { echo "usage: $0 [--bk PATH] [--runs R] [--stripe] [--no-owasp]" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --bk) [[ $# -ge 2 ]] || usage; bk=$2; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || usage; runs=$2; shift 2 ;;
    --stripe) stripe=1; shift ;;
    --no-owasp) owasp=; shift ;;
    -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage

if [[ -z $bk ]]; then
  dirs=()
  if [[ -n ${BK_BUILD_DIR:-} ]]; then
    case $BK_BUILD_DIR in /*) dirs+=("$BK_BUILD_DIR/bin") ;; *) dirs+=("$root/$BK_BUILD_DIR/bin") ;; esac
  fi
  dirs+=("$root/build/bin" "$(dirname "$root")/build/bin")
  for name in bk-lint bk-opt; do
    for d in "${dirs[@]}"; do
      if [[ -x $d/$name ]]; then bk=$d/$name; break 2; fi
    done
  done
  [[ -n $bk ]] || { echo "bench: neither bk-lint nor bk-opt is built (utils/build.sh)" >&2; exit 2; }
fi
[[ -x $bk ]] || { echo "bench: $bk is not executable" >&2; exit 2; }
command -v npm >/dev/null || { echo "bench: npm not found (Node.js >= 20 with npm)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }

cache=${BK_BENCH_CACHE:-$HOME/.cache/bk-bench}
# Installs npm package $2 into $1 once.
install() {
  local dir=$1 spec=$2
  if [[ ! -f $dir/.installed ]]; then
    echo "bench: installing $spec into $dir" >&2
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts "$spec" >&2 || return 1
    touch "$dir/.installed"
  fi
}
redocly_dir=$cache/redocly-cli-$redocly_version
spectral_dir=$cache/spectral-cli-$spectral_version
install "$redocly_dir" "@redocly/cli@$redocly_version"
install "$spectral_dir" "@stoplight/spectral-cli@$spectral_version"
redocly=$redocly_dir/node_modules/.bin/redocly
spectral=$spectral_dir/node_modules/.bin/spectral
printf 'extends: ["spectral:oas"]\n' >"$spectral_dir/oas.yaml"
if [[ -n $owasp ]]; then
  # The ruleset resolves from the directory of the ruleset file.
  owasp_dir=$cache/spectral-owasp-ruleset-$owasp_version
  if ! install "$owasp_dir" "@stoplight/spectral-owasp-ruleset@$owasp_version"; then
    echo "bench: the OWASP ruleset did not install; its line is skipped" >&2
    owasp=
  else
    printf 'extends: ["spectral:oas", "@stoplight/spectral-owasp-ruleset"]\n' >"$owasp_dir/owasp.yaml"
  fi
fi
# No telemetry or update checks from the peers (this machine reaches only
# the package registries).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

corpus_cache=$(python3 "$root/utils/openapi-corpus.py" --fetch-only)
github=$corpus_cache/octokit-openapi-23.0.2/package/generated/api.github.com.json
[[ -f $github ]] || { echo "bench: $github missing" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-bench-lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

inputs=(github)
declare -A input_file=([github]=$github)
if [[ -n $stripe ]]; then
  python3 "$root/bench/gen-openapi.py" --resources 1000 --format json "$tmp/stripe-size.json"
  inputs+=(stripe-size)
  input_file[stripe-size]=$tmp/stripe-size.json
fi

bk_name=$(basename "$bk")
tools=(bk redocly spectral)
[[ -n $owasp ]] && tools+=(spectral-owasp)
# Runs tool $1 on input $2 once under /usr/bin/time; appends
# "cpu-seconds kilobytes exit" to $tmp/$2.$1.
measure() {
  local tool=$1 input=$2 rc=0 file=${input_file[$2]}
  local -a cmd
  case $tool in
    bk)
      if [[ $bk_name == bk-opt* ]]; then cmd=("$bk" "$file" -o /dev/null)
      else cmd=("$bk" "$file"); fi ;;
    redocly) cmd=("$redocly" lint "$file") ;;
    spectral) cmd=("$spectral" lint "$file" -r "$spectral_dir/oas.yaml") ;;
    spectral-owasp) cmd=("$spectral" lint "$file" -r "$owasp_dir/owasp.yaml") ;;
  esac
  [[ -e $tmp/$input.$tool.failed ]] && return 0
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" "${cmd[@]}" >/dev/null 2>"$tmp/err" || rc=$?
  if [[ $tool == spectral-owasp && $rc -eq 2 ]]; then
    # The only published OWASP ruleset (2.0.1) may not load in this
    # Spectral: its line then says why instead of stopping the bench.
    echo "bench: spectral with the OWASP ruleset failed on $input (exit 2); its line is skipped:" >&2
    { grep -m1 '^Error #' "$tmp/err" || head -1 "$tmp/err"; } | tee "$tmp/$input.$tool.failed" >&2
    return 0
  fi
  if [[ $rc -gt 2 || ($rc -eq 2 && $tool != bk) ]]; then
    echo "bench: $tool on $input failed (exit $rc):" >&2
    tail -20 "$tmp/err" >&2
    exit 2
  fi
  awk -v rc="$rc" 'END { printf "%.2f %d %d\n", $1 + $2, $3, rc }' "$tmp/time" >>"$tmp/$input.$tool"
}

for input in "${inputs[@]}"; do
  for ((i = 0; i < runs; i++)); do
    for tool in "${tools[@]}"; do
      measure "$tool" "$input"
    done
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
label() {
  case $1 in
    bk) echo "$bk_name" ;;
    redocly) echo "redocly lint ($redocly_version)" ;;
    spectral) echo "spectral lint, spectral:oas ($spectral_version)" ;;
    spectral-owasp) echo "spectral lint, oas + owasp ($owasp_version)" ;;
  esac
}
echo "bk: $bk; $runs run(s) each; CPU = user + sys; median over the runs"
printf '| %-12s | %-42s | %9s | %8s | %4s | %9s |\n' input tool "CPU s" "RSS MB" exit "CPU ratio"
printf '| %-12s | %-42s | %9s | %8s | %4s | %9s |\n' --- --- ---: ---: ---: ---:
summary=()
for input in "${inputs[@]}"; do
  bk_cpu=$(cut -d' ' -f1 "$tmp/$input.bk" | median)
  line="lint ($input): $bk_name $bk_cpu CPU-s"
  for tool in "${tools[@]}"; do
    if [[ -e $tmp/$input.$tool.failed ]]; then
      printf '| %-12s | %-42s | %s |\n' "$input" "$(label "$tool")" "failed: $(head -c 150 "$tmp/$input.$tool.failed")"
      line+=", $tool failed"
      continue
    fi
    cpu=$(cut -d' ' -f1 "$tmp/$input.$tool" | median)
    kb=$(cut -d' ' -f2 "$tmp/$input.$tool" | median)
    rc=$(cut -d' ' -f3 "$tmp/$input.$tool" | sort -u | paste -sd/)
    ratio=$(awk -v p="$cpu" -v b="$bk_cpu" 'BEGIN { printf "%.1f", (b > 0 ? p / b : 0) }')
    printf '| %-12s | %-42s | %9s | %8d | %4s | %9s |\n' "$input" "$(label "$tool")" "$cpu" $((kb / 1024)) "$rc" "$ratio"
    [[ $tool == bk ]] || line+=", $tool $cpu (ratio $ratio)"
  done
  summary+=("$line")
done
printf '%s\n' "${summary[@]}"
