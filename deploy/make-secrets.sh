#!/usr/bin/env bash
# Makes the secrets compose.yaml reads, once per installation, into deploy/secrets/ (never committed):
#   portal.env         the report keys and lookup key from `portal-indexer keys`, the certificate that encrypts the
#                      data-protection keys (`keys certificate`), the database, Elasticsearch and blob connection
#                      settings, the WeChat keys to fill in
#   postgres.env       the database password
#   elasticsearch.env  the password of the elastic user
#   deploy/make-secrets.sh [DIR]
# portal-indexer comes from $PORTAL_INDEXER, else a Release build in the repository, else the portal-indexer image.
# An existing file is never overwritten: losing the keys loses the reports they sealed (rotation: deploy/README.md).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$repo/deploy/secrets}
if [ -e "$dir/portal.env" ]; then echo "$dir/portal.env exists; not touching it." >&2; exit 1; fi

if [ -n "${PORTAL_INDEXER:-}" ]; then indexer=($PORTAL_INDEXER)
elif [ -f "$repo/Portal.Indexer/bin/Release/net10.0/portal-indexer.dll" ]; then indexer=(dotnet "$repo/Portal.Indexer/bin/Release/net10.0/portal-indexer.dll")
else indexer=(docker run --rm portal-indexer:latest)
fi

secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
pg=$(secret)
es=$(secret)
keys=$("${indexer[@]}" keys --key-id k1)
certificate=$("${indexer[@]}" keys certificate)

mkdir -p "$dir"
umask 077
printf 'POSTGRES_PASSWORD=%s\n' "$pg" >"$dir/postgres.env"
printf 'ELASTIC_PASSWORD=%s\n' "$es" >"$dir/elasticsearch.env"
{
  echo "# Made by deploy/make-secrets.sh on $(date -u +%F). Back it up apart from the database backups."
  echo "$keys"
  echo "# Encrypts the data-protection keys (staff sign-in, form tokens) in the database; on rotation keep it as PreviousCertificates__0."
  echo "$certificate"
  echo "Portal__Database__ConnectionString=Host=postgres;Database=portal;Username=portal;Password=$pg"
  echo "Portal__Elasticsearch__Password=$es"
  echo "# Azurite's published development account; for Azure Blob Storage put the storage account's connection string here."
  echo "Portal__Blobs__ConnectionString=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://azurite:10000/devstoreaccount1;"
  echo "# WeChat (issue 5): fill in from the Official Account's platform, see deploy/README.md."
  echo "# Portal__WeChat__AppId="
  echo "# Portal__WeChat__Token="
  echo "# Portal__WeChat__EncodingAesKey="
} >"$dir/portal.env"
echo "secrets written to $dir (portal.env, postgres.env, elasticsearch.env)"
