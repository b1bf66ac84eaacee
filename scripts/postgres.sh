#!/usr/bin/env bash
# Make sure a PostgreSQL server runs on 127.0.0.1:5432 with the test role and database.
# Idempotent. Installs PostgreSQL from Debian if it is missing (needs root, as CI has).
set -euo pipefail
PGUSER_NAME=${DALIL_PG_USER:-dalil}
PGPASS=${DALIL_PG_PASSWORD:-dalil}
PGDB=${DALIL_PG_DB:-dalil_test}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters --no-header | head -n1)
if [ -z "$cluster" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -n1)
  pg_createcluster "$ver" main
  cluster=$(pg_lsclusters --no-header | head -n1)
fi
ver=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
status=$(echo "$cluster" | awk '{print $4}')
if [ "$status" != "online" ]; then
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER_NAME') THEN
    CREATE ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS' CREATEDB;
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='$PGDB'\"" | grep -q 1; then
  su postgres -c "createdb -O $PGUSER_NAME $PGDB"
fi
echo "postgresql+psycopg://$PGUSER_NAME:$PGPASS@127.0.0.1:5432/$PGDB"
