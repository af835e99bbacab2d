#!/bin/bash
# Encrypted logical backups of every Secure Base database, for the Compose installation (the backup service of
# compose.yaml runs it; it works the same against any PostgreSQL the PG* variables point at).
#
#   securebase-backup schedule              back up at each SECUREBASE_BACKUP_AT time (UTC), forever
#   securebase-backup backup                one backup now: <dir>/<UTC stamp>/<database>.dump.age and the key
#                                           vault's <vault dir>/<UTC stamp>/journal_keys.dump.age, then prune
#   securebase-backup list                  the backups, oldest first
#   securebase-backup restore STAMP [DB...] restore one backup (every database, the key vault first, or the ones
#                                           named)
#   securebase-backup check                 exit 1 when the newest backup is older than SECUREBASE_BACKUP_MAX_AGE_HOURS
#
# Every database is dumped with pg_dump's custom format straight into age, so no cleartext dump ever touches a
# disk; only the age recipients' private keys can read a backup, and they are not on this machine. A backup is
# written as <stamp>.partial and renamed when every file and its checksum are complete.
#
# The key vault journal_keys (journal-service's client keysets, ADR 0036) is dumped in the same run but into a
# directory of its own with a short retention of its own: a client's erasure destroys their key, and once the oldest
# vault dump is younger than the erasure no copy of the journal decrypts their data again.
#
# Environment: PGHOST, PGPORT, PGUSER, PGPASSWORD (a superuser); SECUREBASE_BACKUP_RECIPIENT (age public keys,
# comma-separated, for backup); SECUREBASE_BACKUP_IDENTITY (age identity file, for restore; default
# /run/secrets/backup-identity); SECUREBASE_BACKUP_DIR (default /backups); SECUREBASE_BACKUP_AT (default 02:30,
# space-separated HH:MM); SECUREBASE_BACKUP_KEEP_DAYS (default 30); SECUREBASE_BACKUP_MAX_AGE_HOURS (default 26);
# SECUREBASE_KEY_VAULT_BACKUP_DIR (default /key-vault-backups); SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS (default 35).
set -euo pipefail
umask 077

DATABASES=(keycloak portal content journal account)
KEY_VAULT=journal_keys
dir="${SECUREBASE_BACKUP_DIR:-/backups}"
vault_dir="${SECUREBASE_KEY_VAULT_BACKUP_DIR:-/key-vault-backups}"

log() { printf '%s securebase-backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
fail() { log "$*"; exit 1; }

# The age recipients of SECUREBASE_BACKUP_RECIPIENT as age arguments, in the array `to`.
recipients() {
  local list="${SECUREBASE_BACKUP_RECIPIENT:-}" key
  [[ -n $list ]] || fail "SECUREBASE_BACKUP_RECIPIENT (an age public key, age1...) is not set"
  to=()
  IFS=',' read -ra keys <<< "$list"
  for key in "${keys[@]}"; do
    key="${key//[[:space:]]/}"
    [[ $key == age1* ]] || fail "SECUREBASE_BACKUP_RECIPIENT holds '$key', which is not an age public key (age1...)"
    to+=(--recipient "$key")
  done
}

# The two directories must be two: in one, the vault's dumps would be kept as long as the others.
separate_directories() {
  mkdir -p "$dir" "$vault_dir"
  [[ $(stat -c %d:%i "$dir") != $(stat -c %d:%i "$vault_dir") ]] \
    || fail "the key vault's backups ($vault_dir) must not go to the same directory as the others ($dir)"
}

backup() {
  local stamp work vault_work db
  recipients
  separate_directories
  keep_days SECUREBASE_BACKUP_KEEP_DAYS 30
  keep_days SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS 35
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  work="$dir/$stamp.partial"
  vault_work="$vault_dir/$stamp.partial"
  mkdir -p "$work" "$vault_work"
  for db in "${DATABASES[@]}"; do
    pg_dump --format=custom --dbname="$db" | age --encrypt "${to[@]}" > "$work/$db.dump.age"
  done
  # roles and their memberships, for reference; restore recreates them with init-databases.sh and .env
  pg_dumpall --globals-only --no-role-passwords | age --encrypt "${to[@]}" > "$work/globals.sql.age"
  # The vault after the journal: a key is stored before the first row encrypted under it, so this dump holds every
  # key the journal dump needs (unless the client was erased in between).
  pg_dump --format=custom --dbname="$KEY_VAULT" | age --encrypt "${to[@]}" > "$vault_work/$KEY_VAULT.dump.age"
  (cd "$work" && sha256sum -- *.age > SHA256SUMS)
  (cd "$vault_work" && sha256sum -- *.age > SHA256SUMS)
  mv "$vault_work" "$vault_dir/$stamp"
  mv "$work" "$dir/$stamp"
  date -u +%s > "$dir/last-success"
  log "backup $stamp written ($(du -sh "$dir/$stamp" | cut -f1), key vault $(du -sh "$vault_dir/$stamp" | cut -f1))"
  prune "$dir" SECUREBASE_BACKUP_KEEP_DAYS 30
  prune "$vault_dir" SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS 35
}

# stamps DIRECTORY: the complete backups in it, oldest first
stamps() {
  find "$1" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended -regex '.*/[0-9]{8}T[0-9]{6}Z' -printf '%f\n' | sort
}

# keep_days VARIABLE DEFAULT: fails unless $VARIABLE (or DEFAULT) is a whole number of days, at least 1
keep_days() {
  local keep="${!1:-$2}"
  [[ $keep =~ ^[0-9]+$ && $keep -ge 1 ]] || fail "$1 must be a whole number of days, at least 1"
}

# prune DIRECTORY VARIABLE DEFAULT: removes the backups older than $VARIABLE (DEFAULT) days, never the newest
prune() {
  local where="$1" keep="${!2:-$3}" cutoff newest stamp
  keep_days "$2" "$3"
  cutoff="$(date -u -d "$keep days ago" +%Y%m%dT%H%M%SZ)"
  newest="$(stamps "$where" | tail -n 1)"
  for stamp in $(stamps "$where"); do
    if [[ $stamp < $cutoff && $stamp != "$newest" ]]; then
      rm -rf -- "${where:?}/$stamp"
      log "removed backup $where/$stamp (older than $keep days)"
    fi
  done
  find "$where" -mindepth 1 -maxdepth 1 -type d -name '*.partial' -mmin +1440 -exec rm -rf -- {} +
}

# every stamp, with the size of the databases' backup and of the key vault's ("-" where there is none)
list() {
  local stamp main vault
  for stamp in $( (stamps "$dir"; stamps "$vault_dir") | sort -u); do
    main=-; vault=-
    [[ ! -d $dir/$stamp ]] || main="$(du -sh "$dir/$stamp" | cut -f1)"
    [[ ! -d $vault_dir/$stamp ]] || vault="$(du -sh "$vault_dir/$stamp" | cut -f1)"
    printf '%s  %s  key vault %s\n' "$stamp" "$main" "$vault"
  done
}

check() {
  local max="${SECUREBASE_BACKUP_MAX_AGE_HOURS:-26}" since
  if [[ -f $dir/last-success ]]; then
    since="$(cat "$dir/last-success")"
  elif [[ -f $dir/.scheduled-since ]]; then
    since="$(cat "$dir/.scheduled-since")"
  else
    fail "no backup has been made yet"
  fi
  (( $(date -u +%s) - since < max * 3600 )) || fail "the newest backup is older than $max hours"
}

next_run() {
  local now="$1" next="" at candidate
  for at in ${SECUREBASE_BACKUP_AT:-02:30}; do
    [[ $at =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || fail "SECUREBASE_BACKUP_AT holds '$at': times are HH:MM (UTC)"
    candidate="$(date -u -d "@$now" +%Y-%m-%d)"
    candidate="$(date -u -d "$candidate $at" +%s)"
    (( candidate > now )) || candidate=$(( candidate + 86400 ))
    if [[ -z $next ]] || (( candidate < next )); then next=$candidate; fi
  done
  echo "$next"
}

schedule() {
  local now next backing_up=0 stop_requested=0 sleeper=""
  recipients
  separate_directories
  [[ -f $dir/.scheduled-since ]] || date -u +%s > "$dir/.scheduled-since"
  # A stop ends the wait at once; a backup under way is finished first (compose.yaml gives it minutes).
  trap 'if (( backing_up )); then stop_requested=1; else log "stopping"; kill "$sleeper" 2>/dev/null; exit 0; fi' TERM INT
  while true; do
    now="$(date -u +%s)"
    next="$(next_run "$now")"
    log "next backup at $(date -u -d "@$next" +%Y-%m-%dT%H:%M:%SZ)"
    sleep $(( next - now )) &
    sleeper=$!
    wait "$sleeper" || true
    backing_up=1
    backup || log "backup FAILED; the health check turns unhealthy once the newest backup is too old"
    backing_up=0
    if (( stop_requested )); then log "stopping"; exit 0; fi
  done
}

sql() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 --dbname=postgres "$@"
}

restore() {
  local stamp="${1:?usage: securebase-backup restore STAMP [DATABASE...] (see: securebase-backup list)}"
  shift
  local identity="${SECUREBASE_BACKUP_IDENTITY:-/run/secrets/backup-identity}" source db target old checked=" "
  local selected=() named
  # the key vault first: journal-service reads no journal without it
  if [[ $# -eq 0 ]]; then
    [[ -d $vault_dir/$stamp ]] || fail "backup $stamp has no key vault dump in $vault_dir: name the databases to" \
      "restore them against the current key vault (docs/operations.md)"
    selected=("$KEY_VAULT" "${DATABASES[@]}")
  else
    for named in "$@"; do [[ $named != "$KEY_VAULT" ]] || selected=("$KEY_VAULT"); done
    for named in "$@"; do [[ $named == "$KEY_VAULT" ]] || selected+=("$named"); done
  fi
  [[ -r $identity ]] || fail "no age identity at $identity: mount the private key there (read-only)"
  for db in "${selected[@]}"; do
    [[ " ${DATABASES[*]} $KEY_VAULT " == *" $db "* ]] || fail "unknown database '$db' (one of: ${DATABASES[*]} $KEY_VAULT)"
    source="$(source_of "$db" "$stamp")"
    [[ -d $source ]] || fail "no backup $stamp of $db in $(dirname "$source")"
    if [[ $checked != *" $source "* ]]; then
      (cd "$source" && sha256sum --check --quiet SHA256SUMS) || fail "backup $source is damaged: its checksums do not match"
      checked+="$source "
    fi
    [[ $(sql -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db'") == 0 ]] \
      || fail "sessions are using database $db: stop Keycloak and the services first (docs/operations.md)"
    [[ $(sql -c "SELECT count(*) FROM pg_database WHERE datname = '$db'") == 1 ]] \
      || fail "database $db does not exist: create the roles and databases first (postgres/init-databases.sh)"
    old="${db}_before_${stamp,,}"
    [[ $(sql -c "SELECT count(*) FROM pg_database WHERE datname = '$old'") == 0 ]] \
      || fail "database $old exists from an earlier restore of $stamp: drop it first"
  done
  for db in "${selected[@]}"; do
    target="${db}_restoring"
    old="${db}_before_${stamp,,}"
    log "restoring $db from $stamp"
    sql --set=db="$db" --set=target="$target" <<'SQL'
DROP DATABASE IF EXISTS :"target";
CREATE DATABASE :"target" OWNER :"db";
REVOKE CONNECT ON DATABASE :"target" FROM PUBLIC;
SQL
    # into a fresh database first: a failed decryption or restore leaves the current one untouched
    source="$(source_of "$db" "$stamp")"
    if ! age --decrypt --identity "$identity" < "$source/$db.dump.age" \
         | pg_restore --exit-on-error --single-transaction --dbname="$target"; then
      sql --set=target="$target" <<< 'DROP DATABASE IF EXISTS :"target";' || true
      fail "restoring $db failed; database $db is unchanged"
    fi
    # Who may connect is the database's own ACL, which a dump of its contents does not carry: the restored database
    # gets the same grants as the one it replaces (the services' application roles, <name>_app). The grants inside
    # (tables, sequences) come with the dump, as the roles exist already (init-databases.sh).
    sql --set=db="$db" --set=target="$target" <<'SQL'
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'target', grantee.rolname)
  FROM pg_database d, aclexplode(d.datacl) acl JOIN pg_roles grantee ON grantee.oid = acl.grantee
 WHERE d.datname = :'db' AND acl.privilege_type = 'CONNECT' AND acl.grantee <> d.datdba
\gexec
SQL
    sql --set=db="$db" --set=target="$target" --set=old="$old" <<'SQL'
ALTER DATABASE :"db" RENAME TO :"old";
ALTER DATABASE :"target" RENAME TO :"db";
SQL
    log "restored $db; the database it replaced is kept as $old (drop it once you are satisfied)"
    if [[ $db == "$KEY_VAULT" ]]; then
      log "the key vault is as of $stamp: the keys of clients erased since then are back, erase them again;" \
          "$old holds keys too, drop it as soon as the restore is checked (docs/operations.md)"
    fi
  done
}

# source_of DATABASE STAMP: the directory that holds the database's dump of that backup
source_of() {
  if [[ $1 == "$KEY_VAULT" ]]; then echo "$vault_dir/$2"; else echo "$dir/$2"; fi
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  schedule) schedule ;;
  backup) backup ;;
  list) list ;;
  check) check ;;
  restore) restore "$@" ;;
  *) echo "usage: securebase-backup schedule | backup | list | check | restore STAMP [DATABASE...]" >&2; exit 2 ;;
esac
