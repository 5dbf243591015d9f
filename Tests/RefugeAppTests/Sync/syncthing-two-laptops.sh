#!/usr/bin/env bash
# Two laptops sharing one case file through two real Syncthing instances on this machine: intakes
# both ways, an edit, a conflicting edit on both (one conflict on both), its resolution.
# Run by SyncthingEndToEndTests with REFUGE_BIN set to the built `refuge`. Everything listens on
# 127.0.0.1 only; global and local discovery, relays, NAT traversal, usage and crash reporting and
# upgrades are switched off in config.xml before the first start (recipe and measurements:
# ../shared/reference/syncthing-loopback.md). Every wait is bounded; both instances are always
# shut down (REST, then SIGTERM, then SIGKILL, by their own process ids) and the folder removed.
# Needs: syncthing, curl, jq, python3.
set -Eeuo pipefail
export LC_ALL=C.UTF-8
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
export STNOUPGRADE=1 STNORESTART=1 STNODEFAULTFOLDER=1
: "${REFUGE_BIN:?set REFUGE_BIN to the refuge binary}"

ROOT=$(mktemp -d /tmp/refuge-syncthing.XXXXXX)
export HOME=$ROOT  # syncthing needs one; nothing is written outside ROOT
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND (exit $?)"; cat "$ROOT"/*/generate.log 2>/dev/null || true' ERR
declare -A WRAP=() GUI=() BEP=() ID=()
NODES=(A B)
APIKEY=$(python3 -c 'import secrets; print(secrets.token_hex(16))')

log() { printf '[%s] %s\n' "$(date +%H:%M:%S.%3N)" "$*"; }
die() { log "FAIL: $*"; exit 1; }
api() {
  local n=$1 m=$2 p=$3; shift 3
  curl -fsS --noproxy '*' --max-time 20 -X "$m" -H "X-API-Key: $APIKEY" "http://127.0.0.1:${GUI[$n]}$p" "$@"
}
# wait_for DESC SECONDS CMD...: try CMD every 0.1 s, at most SECONDS*10 times.
wait_for() {
  local desc=$1 tries=$(( $2 * 10 )) i; shift 2
  for (( i = 0; i < tries; i++ )); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  log "timeout waiting for: $desc"; return 1
}
stop_node() {
  local n=$1 wrap=${WRAP[$1]:-} i child
  [[ -n $wrap ]] || return 0
  child=$(pgrep -P "$wrap" | head -n1 || true)
  api "$n" POST /rest/system/shutdown >/dev/null 2>&1 || true
  for (( i = 0; i < 100; i++ )); do kill -0 "$wrap" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$wrap" 2>/dev/null; then
    kill -TERM "$wrap" 2>/dev/null || true
    for (( i = 0; i < 30; i++ )); do kill -0 "$wrap" 2>/dev/null || break; sleep 0.1; done
    for p in $child $wrap; do kill -KILL "$p" 2>/dev/null || true; done
  fi
  wait "$wrap" 2>/dev/null || true
  WRAP[$n]=''
}
cleanup() {
  for n in "${NODES[@]}"; do stop_node "$n" || true; done
  rm -rf "$ROOT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

refuge() {  # refuge LAPTOP ARGS...: the laptop's folder and state directory, a test user
  local n=$1; shift
  HOME="$ROOT/$n" REFUGE_USER=anna REFUGE_PASSPHRASE=correct-horse-1 REFUGE_KDF_LOGN=10 \
    "$REFUGE_BIN" "$@" --data "$ROOT/$n/Refuge" --state "$ROOT/$n/state"
}

cat >"$ROOT/configure.py" <<'PY'
# configure.py CONFIG MYNAME MYID PEERNAME PEERID GUIPORT BEPPORT PEERBEPPORT APIKEY FOLDERPATH
import copy, sys, xml.etree.ElementTree as ET
cfg, me, my_id, peer, peer_id, gui_port, bep, peer_bep, apikey, path = sys.argv[1:11]
tree = ET.parse(cfg); root = tree.getroot(); opts = root.find("options")
def setopt(name, value):
    els = opts.findall(name) or [ET.SubElement(opts, name)]
    for extra in els[1:]: opts.remove(extra)
    els[0].text = str(value)
gui = root.find("gui"); gui.set("tls", "false")
gui.find("address").text = f"127.0.0.1:{gui_port}"; gui.find("apikey").text = apikey
for k, v in {"listenAddress": f"tcp://127.0.0.1:{bep}", "globalAnnounceEnabled": "false",
             "localAnnounceEnabled": "false", "announceLANAddresses": "false", "relaysEnabled": "false",
             "natEnabled": "false", "stunKeepaliveStartS": "0", "urAccepted": "-1",
             "crashReportingEnabled": "false", "autoUpgradeIntervalH": "0", "startBrowser": "false",
             "reconnectionIntervalS": "5"}.items():
    setopt(k, v)
me_el = root.find(f"device[@id='{my_id}']"); me_el.set("name", me)
me_el.find("address").text = f"tcp://127.0.0.1:{bep}"
peer_el = copy.deepcopy(root.find("defaults/device")); peer_el.set("id", peer_id); peer_el.set("name", peer)
peer_el.find("address").text = f"tcp://127.0.0.1:{peer_bep}"
root.insert(list(root).index(me_el) + 1, peer_el)
f = copy.deepcopy(root.find("defaults/folder"))
f.attrib.update(id="refuge", label="refuge", path=path, type="sendreceive", fsWatcherEnabled="false",
                rescanIntervalS="3600", ignorePerms="false")
for d in f.findall("device"): f.remove(d)
for pos, did in enumerate((my_id, peer_id)):
    d = ET.Element("device", id=did, introducedBy=""); ET.SubElement(d, "encryptionPassword"); f.insert(pos, d)
root.insert(0, f)
tree.write(cfg)
PY

read -r GUI[A] GUI[B] BEP[A] BEP[B] < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
for n in "${NODES[@]}"; do
  mkdir -p "$ROOT/$n/Refuge/.stfolder"
  printf '*.tmp\n' >"$ROOT/$n/Refuge/.stignore"
  syncthing generate --home="$ROOT/$n/home" --no-default-folder --skip-port-probing >"$ROOT/$n/generate.log" 2>&1
  ID[$n]=$(syncthing serve --home="$ROOT/$n/home" --device-id)
done
python3 "$ROOT/configure.py" "$ROOT/A/home/config.xml" A "${ID[A]}" B "${ID[B]}" "${GUI[A]}" "${BEP[A]}" "${BEP[B]}" "$APIKEY" "$ROOT/A/Refuge"
python3 "$ROOT/configure.py" "$ROOT/B/home/config.xml" B "${ID[B]}" A "${ID[A]}" "${GUI[B]}" "${BEP[B]}" "${BEP[A]}" "$APIKEY" "$ROOT/B/Refuge"
for n in "${NODES[@]}"; do
  syncthing serve --home="$ROOT/$n/home" --no-browser --no-restart --no-upgrade >"$ROOT/$n/syncthing.log" 2>&1 &
  WRAP[$n]=$!
done
for n in "${NODES[@]}"; do wait_for "$n REST API" 60 api "$n" GET /rest/system/ping || die "$n REST API not up"; done
connected() { api "$1" GET /rest/system/connections | jq -e --arg id "${ID[$2]}" '.connections[$id].connected'; }
wait_for "A and B connected" 90 connected A B || die "A and B never connected"
idle() { api "$1" GET "/rest/db/status?folder=refuge" | jq -e '.state == "idle"'; }
for n in "${NODES[@]}"; do wait_for "$n idle" 60 idle "$n" || die "$n folder never idle"; done
log "paired on 127.0.0.1 (A ${ID[A]:0:7}, B ${ID[B]:0:7})"

# carry FROM TO: rescan FROM's folder, wait until TO has everything (FROM's view of TO's completion).
complete() { api "$1" GET "/rest/db/completion?folder=refuge&device=${ID[$2]}" | jq -e '.completion == 100 and .needBytes == 0'; }
carry() {
  api "$1" POST "/rest/db/scan?folder=refuge" >/dev/null
  wait_for "$1 scanned" 60 idle "$1" || die "$1 never finished scanning"
  wait_for "$2 complete" 60 complete "$1" "$2" || die "$2 never received $1's files"
  wait_for "$2 idle" 60 idle "$2" || die "$2 never finished writing"
}

refuge A init --org "Shelter" --user anna >/dev/null
printf '%s\n' "familyName,givenName,gender,intakeDate" "Каримова,Дильноза,female,2024-03-01" >"$ROOT/a.csv"
refuge A import "$ROOT/a.csv" >/dev/null
carry A B
refuge B device join
refuge A stats --format json --min-cell 1 >"$ROOT/a1.json"
refuge B stats --format json --min-cell 1 >"$ROOT/b1.json"
cmp -s "$ROOT/a1.json" "$ROOT/b1.json" || die "laptop B's statistics differ from A's after the intake"
grep -q '"cases" *: *1\b\|"total" *: *1\b' "$ROOT/b1.json" || log "note: statistics: $(head -c 200 "$ROOT/b1.json")"
log "A's intake reached B: stats --format json identical ($(wc -c <"$ROOT/b1.json") bytes)"

printf '%s\n' "familyName,givenName,gender,intakeDate" "Asanov,Bekzod,male,2024-05-20" >"$ROOT/b.csv"
refuge B import "$ROOT/b.csv" >/dev/null
carry B A
refuge A stats --format json --min-cell 1 >"$ROOT/a2.json"
refuge B stats --format json --min-cell 1 >"$ROOT/b2.json"
cmp -s "$ROOT/a2.json" "$ROOT/b2.json" || die "laptop A's statistics differ from B's after B's intake"
cmp -s "$ROOT/a1.json" "$ROOT/a2.json" && die "B's intake did not reach A"
refuge A sync status
[[ $(find "$ROOT/A/Refuge" -maxdepth 1 -name 'events-*.log' | wc -l) == 2 ]] || die "A's folder does not hold both laptops' logs"
find "$ROOT/A/Refuge" "$ROOT/B/Refuge" -maxdepth 1 \( -name '*.sealed' -o -name lock -o -name 'sign-in-failures' -o -name 'own-log' \) | grep -q . \
  && die "a device-local file is in the shared folder"
log "B's intake reached A: stats identical on both ($(wc -c <"$ROOT/a2.json") bytes); no device-local file was carried"

# B edits A's case (a figure the statistics count); A sees the edit.
refuge B case set 2024-0001 citizenship=UZ >/dev/null
carry B A
refuge A stats --format json --min-cell 1 >"$ROOT/a3.json"
refuge B stats --format json --min-cell 1 >"$ROOT/b3.json"
cmp -s "$ROOT/a2.json" "$ROOT/a3.json" && die "B's edit did not reach A"
cmp -s "$ROOT/a3.json" "$ROOT/b3.json" || die "laptop A's statistics differ from B's after B's edit"
log "B's edit reached A: stats identical on both"

# The same field edited on both apart: one conflict, listed alike on both.
refuge A case set 2024-0001 familyName=Каримова-Асанова >/dev/null
refuge B case set 2024-0001 familyName=Karimova >/dev/null
carry A B
carry B A
refuge A conflicts --format json >"$ROOT/ac.json"
refuge B conflicts --format json >"$ROOT/bc.json"
cmp -s "$ROOT/ac.json" "$ROOT/bc.json" || die "the conflicts differ: A $(cat "$ROOT/ac.json") B $(cat "$ROOT/bc.json")"
jq -e '.conflicts | length == 1 and .[0].field == "familyName" and (.[0].values | length == 2)' "$ROOT/ac.json" >/dev/null \
  || die "not one conflict with both values: $(cat "$ROOT/ac.json")"
log "a conflicting edit on both is one conflict on both"

# Resolved on B: none left on either, the chosen value on both.
chosen=$(jq -r '.conflicts[0].values[0].value' "$ROOT/bc.json")
refuge B conflicts --case 2024-0001 --field familyName --keep 1 >/dev/null
carry B A
for n in A B; do
  refuge "$n" conflicts --format json | jq -e '.conflicts | length == 0' >/dev/null || die "a conflict is left on $n"
done
refuge A stats --format json --min-cell 1 >"$ROOT/a4.json"
refuge B stats --format json --min-cell 1 >"$ROOT/b4.json"
cmp -s "$ROOT/a4.json" "$ROOT/b4.json" || die "the statistics differ after the choice"
log "resolved on B as \"$chosen\": no conflict on either laptop"
for n in "${NODES[@]}"; do stop_node "$n"; done
log "PASS"
