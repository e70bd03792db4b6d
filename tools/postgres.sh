#!/usr/bin/env bash
# Starts the local PostgreSQL cluster (Debian's) if it is not running, makes sure the test role
# exists, and prints the URL the database tests use. Tests create and drop their own databases.
set -euo pipefail
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "PostgreSQL is not installed; run tools/install.sh test" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
fi
for _ in $(seq 1 50); do
  su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 0.2
done
su postgres -c "psql -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rathaus_test') THEN CREATE ROLE rathaus_test LOGIN CREATEDB PASSWORD 'rathaus_test'; END IF; END \\\$\\\$\"" >/dev/null
# Dropping a test database WITH (FORCE) must also end an autovacuum worker that happens to be in
# it; without pg_signal_backend that fails now and then with "must be a member of the role whose
# process is being terminated".
su postgres -c "psql -qtAc 'SET client_min_messages = warning; GRANT pg_signal_backend TO rathaus_test'" >/dev/null
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
echo "postgres://rathaus_test:rathaus_test@127.0.0.1:${port:-5432}/postgres"
